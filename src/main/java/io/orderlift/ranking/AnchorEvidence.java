package io.orderlift.ranking;

/**
 * How one anchor of the cart supports a recommendation. JSON names are read by outside checks.
 *
 * @param sku        the anchor in the cart
 * @param evidence   {@code same-order} or {@code follow-on}
 * @param via        {@code pair} for the anchor's own pairs, or {@code category:NAME} when it backed off
 * @param acceptance the smoothed acceptance this evidence gives
 * @param co         co(anchor, candidate) (of the category when backed off)
 * @param follow     follow(anchor, candidate) (of the category when backed off)
 */
public record AnchorEvidence(String sku, String evidence, String via, double acceptance, int co, int follow) {
}
