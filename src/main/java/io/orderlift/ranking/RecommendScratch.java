package io.orderlift.ranking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntArrays;

/**
 * {@link Recommender}'s working memory for one request, kept per thread and reset in O(touched) by
 * stamping: which products the cart holds, which candidates were touched and with what combined
 * {@code 1 − p}, their evidence for the explanation (a linked list per candidate, in cart order), and
 * what rules kept off.
 */
final class RecommendScratch {

    /** At most this many products kept off are named in an answer. */
    private static final int MAX_REMOVED = 50;

    final int[] inCart;
    final int[] listed;
    final int[] touchedStamp;
    final int[] touched;
    final double[] notProbability;
    final double[] acceptance;
    final double[] score;
    final int[] acceptanceRank;
    final int[] head;
    final int[] removedStamp;
    final int[] capped;
    final int[] eligible;
    final int[] eligibleList;
    final int[] pinned;
    final int[] unavailable;
    final String[] removedRule;
    final IntArrayList anchors = new IntArrayList();
    final IntArrayList cartCategories = new IntArrayList();
    final IntArrayList chosen = new IntArrayList();
    int eligibleCount;
    boolean explain;
    final int[] tail;
    int touchedCount;
    int stamp;
    int[] next = new int[64];
    int[] evAnchor = new int[64];
    boolean[] evSameOrder = new boolean[64];
    int[] evVia = new int[64];
    double[] evP = new double[64];
    int[] evCo = new int[64];
    int[] evFollow = new int[64];
    int evidenceCount;
    final IntArrayList removed = new IntArrayList();

    RecommendScratch(int products) {
        inCart = new int[products];
        listed = new int[products];
        touchedStamp = new int[products];
        touched = new int[products];
        notProbability = new double[products];
        acceptance = new double[products];
        score = new double[products];
        acceptanceRank = new int[products];
        head = new int[products];
        removedStamp = new int[products];
        capped = new int[products];
        eligible = new int[products];
        eligibleList = new int[products];
        pinned = new int[products];
        unavailable = new int[products];
        tail = new int[products];
        removedRule = new String[products];
    }

    /** Starts a request; {@code explanations}: whether to keep every contribution for the answer. */
    void begin(boolean explanations) {
        explain = explanations;
        stamp++;
        touchedCount = 0;
        evidenceCount = 0;
        removed.clear();
        anchors.clear();
        cartCategories.clear();
        chosen.clear();
        eligibleCount = 0;
    }

    void touch(int c) {
        if (touchedStamp[c] != stamp) {
            touchedStamp[c] = stamp;
            touched[touchedCount++] = c;
            notProbability[c] = 1;
            acceptanceRank[c] = 0;
            head[c] = -1;
        }
    }

    void addEvidence(int c, int anchor, boolean sameOrder, int via, double p, int co, int follow) {
        if (evidenceCount == next.length) {
            int size = next.length * 2;
            next = Arrays.copyOf(next, size);
            evAnchor = Arrays.copyOf(evAnchor, size);
            evSameOrder = Arrays.copyOf(evSameOrder, size);
            evVia = Arrays.copyOf(evVia, size);
            evP = Arrays.copyOf(evP, size);
            evCo = Arrays.copyOf(evCo, size);
            evFollow = Arrays.copyOf(evFollow, size);
        }
        int e = evidenceCount++;
        evAnchor[e] = anchor;
        evSameOrder[e] = sameOrder;
        evVia[e] = via;
        evP[e] = p;
        evCo[e] = co;
        evFollow[e] = follow;
        // append, so evidence stays in cart order
        next[e] = -1;
        if (head[c] < 0) {
            head[c] = e;
        } else {
            next[tail[c]] = e;
        }
        tail[c] = e;
    }

    void remove(int c, String rule) {
        if (removedStamp[c] != stamp) {
            removedStamp[c] = stamp;
            removedRule[c] = rule;
            removed.add(c);
        }
    }

    List<Removed> removedList(RankingModel model) {
        int[] ids = removed.toIntArray();
        IntArrays.quickSort(ids, (x, y) -> Integer.compare(model.skuOrder[x], model.skuOrder[y]));
        List<Removed> list = new ArrayList<>();
        for (int c : ids) {
            if (listed[c] != stamp && list.size() < MAX_REMOVED) {
                list.add(new Removed(model.sku[c], removedRule[c]));
            }
        }
        return list;
    }
}
