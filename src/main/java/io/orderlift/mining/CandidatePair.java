package io.orderlift.mining;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One candidate of an anchor with every statistic. JSON names are read by outside checks.
 *
 * @param sku              the candidate
 * @param co               co(a,c): orders holding both
 * @param follow           follow(a,c): anchor orders followed by the candidate within the window
 * @param support          co / N
 * @param confidence       co / orders(a)
 * @param lift             confidence / base(c)
 * @param acceptance       smoothed same-order acceptance
 * @param followAcceptance smoothed follow-on acceptance
 * @param customers        distinct known customers behind the pair
 * @param price            the candidate's price (list, else median sold), null when unknown
 * @param rpi              revenue per impression: the chosen evidence's acceptance × price
 * @param score            acceptance × price^w, what the list is sorted by
 * @param coRank           its popularity as the pairs browser means it: rank by co (same-order, or follow for
 *                         follow-on evidence) among the listed candidates, 1 = most co-purchased; JSON
 *                         {@code popularityRank}
 * @param rpiRank          rank by RPI at price weight 1
 */
public record CandidatePair(String sku, String title, String category, int co, int follow, double support,
                            double confidence, double lift, double acceptance, double followAcceptance,
                            int customers, BigDecimal price, double rpi, double score,
                            @JsonProperty("popularityRank") int coRank,
                            int rpiRank) {
}
