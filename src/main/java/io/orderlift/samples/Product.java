package io.orderlift.samples;

/** A catalog entry of a generated store; prices in cents. */
record Product(String sku, String title, String category, long priceCents, long costCents, boolean consumable) {
}
