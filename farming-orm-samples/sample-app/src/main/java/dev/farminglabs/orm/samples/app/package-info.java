/**
 * A Spring Boot application that uses the platform kit: it brings its database and the farming-orm starter, and the
 * kit's storage runs on it.
 */
@NullMarked
package dev.farminglabs.orm.samples.app;

import org.jspecify.annotations.NullMarked;
