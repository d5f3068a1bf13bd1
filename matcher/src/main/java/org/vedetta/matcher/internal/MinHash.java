package org.vedetta.matcher.internal;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * MinHash signatures of a folded text's word 3-shingles: the share of equal positions in two signatures
 * estimates the Jaccard similarity of the two texts' shingle sets. Signatures are cut into {@link #BANDS}
 * bands; texts of similarity 0.7 share at least one band with probability above 0.98.
 */
public final class MinHash {

  /** Hash functions, and so signature length. */
  static final int SIZE = 64;
  static final int BANDS = 16;
  private static final int ROWS = SIZE / BANDS;
  /** Texts with fewer shingles than this are too short to compare reliably. */
  static final int MIN_SHINGLES = 20;

  private MinHash() {}

  /** The signature, or null when the text is too short. */
  public static long[] signature(String folded) {
    long[] words = wordHashes(folded);
    if (words.length < MIN_SHINGLES + 2) {
      return null;
    }
    long[] mins = new long[SIZE];
    Arrays.fill(mins, Long.MAX_VALUE);
    for (int i = 0; i + 2 < words.length; i++) {
      long shingle = mix(words[i] * 961 + words[i + 1] * 31 + words[i + 2]);
      for (int k = 0; k < SIZE; k++) {
        long h = mix(shingle ^ SEEDS[k]);
        if (h < mins[k]) {
          mins[k] = h;
        }
      }
    }
    return mins;
  }

  /** Estimated Jaccard similarity of the texts behind two signatures. */
  public static double similarity(long[] a, long[] b) {
    int equal = 0;
    for (int k = 0; k < SIZE; k++) {
      if (a[k] == b[k]) {
        equal++;
      }
    }
    return (double) equal / SIZE;
  }

  /** One key per band, each naming its band's position too. */
  public static long[] bandKeys(long[] signature) {
    long[] keys = new long[BANDS];
    for (int b = 0; b < BANDS; b++) {
      long h = b;
      for (int r = 0; r < ROWS; r++) {
        h = mix(h * 31 + signature[b * ROWS + r]);
      }
      keys[b] = h;
    }
    return keys;
  }

  public static String encode(long[] signature) {
    StringBuilder hex = new StringBuilder(SIZE * 16);
    for (long v : signature) {
      hex.append(HexFormat.of().toHexDigits(v));
    }
    return hex.toString();
  }

  public static long[] decode(String hex) {
    long[] signature = new long[hex.length() / 16];
    for (int k = 0; k < signature.length; k++) {
      signature[k] = HexFormat.fromHexDigitsToLong(hex, k * 16, k * 16 + 16);
    }
    return signature;
  }

  private static final long[] SEEDS = new long[SIZE];

  static {
    long seed = 0x9E3779B97F4A7C15L;
    for (int k = 0; k < SIZE; k++) {
      seed += 0x9E3779B97F4A7C15L;
      SEEDS[k] = mix(seed);
    }
  }

  private static long[] wordHashes(String folded) {
    long[] hashes = new long[Math.max(16, folded.length() / 4)];
    int n = 0;
    int i = 0;
    while (i < folded.length()) {
      if (!AliasAutomaton.isWordChar(folded.charAt(i))) {
        i++;
        continue;
      }
      long h = 0xcbf29ce484222325L;
      while (i < folded.length() && AliasAutomaton.isWordChar(folded.charAt(i))) {
        h = (h ^ folded.charAt(i)) * 0x100000001b3L;
        i++;
      }
      if (n == hashes.length) {
        hashes = Arrays.copyOf(hashes, n * 2);
      }
      hashes[n++] = h;
    }
    return Arrays.copyOf(hashes, n);
  }

  /** SplitMix64's finaliser: every output bit depends on every input bit. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
