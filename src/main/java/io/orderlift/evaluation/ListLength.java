package io.orderlift.evaluation;

/**
 * A policy's figures had each of its lists stopped at {@code length} recommendations (its first so many,
 * as every policy ranks best first): how the list length a theme shows trades revenue per impression
 * against revenue per order.
 *
 * @param length      recommendations per list at most
 * @param impressions recommendations shown
 * @param hits        recommendations that were bought
 * @param rpi         revenue per impression
 * @param aovLift     accepted revenue per replayed order / the average order value
 */
record ListLength(int length, long impressions, long hits, double rpi, double aovLift) {
}
