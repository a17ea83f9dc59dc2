package dev.farminglabs.orm.spi;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A row of a read with the rows of its relations, loaded together.
 *
 * @param row the row, as {@link Driver#find} returns it
 * @param related the related rows by relation name, each list ordered by the target's id, without duplicates; empty
 * when nothing is related
 */
public record JoinedRow(Map<String, @Nullable Object> row, Map<String, List<Map<String, @Nullable Object>>> related) {

}
