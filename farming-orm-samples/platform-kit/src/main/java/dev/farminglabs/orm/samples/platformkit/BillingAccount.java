package dev.farminglabs.orm.samples.platformkit;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The billing state of one owner.
 *
 * @param id the generated id
 * @param ownerId the owner, unique
 * @param plan {@code free}, {@code pro} or {@code enterprise}
 * @param balance the balance, exact and with its scale
 * @param currency an ISO 4217 code
 * @param updatedAt when it was last written
 */
public record BillingAccount(String id, String ownerId, String plan, BigDecimal balance, String currency,
		Instant updatedAt) {
}
