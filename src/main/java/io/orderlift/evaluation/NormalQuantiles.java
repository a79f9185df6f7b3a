package io.orderlift.evaluation;

/** The quantiles of the standard normal distribution that the intervals and power figures use. */
final class NormalQuantiles {

    /** 97.5 %: a two-sided 95 % interval spans this many standard errors either side (≈ 1.96). */
    static final double Z_975 = 1.959963984540054;
    /** 80 %: a test powered at 80 % finds a true effect of its minimum detectable size four times in five. */
    static final double Z_80 = 0.8416212335729143;

    private NormalQuantiles() {
    }
}
