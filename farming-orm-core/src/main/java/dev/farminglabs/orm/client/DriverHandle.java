package dev.farminglabs.orm.client;

import dev.farminglabs.orm.capability.Capabilities;
import org.jspecify.annotations.Nullable;

/**
 * What a client runs on: the runtime kind ({@code memory}, {@code jdbc}, {@code mongodb}, ...), the dialect, the
 * server version when known, and the backend's capabilities.
 *
 * @param kind the runtime family
 * @param dialect the backend dialect, as {@code postgresql} or {@code memory}
 * @param serverVersion the server's version, or {@code null} when unknown
 * @param capabilities what the backend can do
 */
public record DriverHandle(String kind, String dialect, @Nullable String serverVersion,
		Capabilities capabilities) {

}
