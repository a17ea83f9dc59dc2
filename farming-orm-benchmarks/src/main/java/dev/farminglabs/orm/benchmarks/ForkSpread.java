package dev.farminglabs.orm.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The median and the range of one number over a benchmark's forks (each fork's number is the mean of its
 * measurement iterations): forks on a busy machine can differ by 2–3&times;, so a single score hides what the run
 * can tell.
 */
public record ForkSpread(double median, double min, double max) {

	/** The spread of the given per-fork values (at least one). */
	public static ForkSpread of(List<Double> perFork) {
		if (perFork.isEmpty()) {
			throw new IllegalArgumentException("no forks");
		}
		List<Double> sorted = new ArrayList<>(perFork);
		Collections.sort(sorted);
		int size = sorted.size();
		double median = (size % 2 == 1) ? sorted.get(size / 2) : (sorted.get(size / 2 - 1) + sorted.get(size / 2)) / 2;
		return new ForkSpread(median, sorted.get(0), sorted.get(size - 1));
	}

	/**
	 * This spread divided by a baseline's: the median over the baseline's median, and the widest range the forks
	 * allow (this side's fastest fork over the baseline's slowest, and its slowest over the baseline's fastest).
	 */
	public ForkSpread over(ForkSpread baseline) {
		return new ForkSpread(this.median / baseline.median, this.min / baseline.max, this.max / baseline.min);
	}

}
