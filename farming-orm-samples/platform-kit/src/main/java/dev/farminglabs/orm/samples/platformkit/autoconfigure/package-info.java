/**
 * The platform kit's Spring Boot auto-configuration: its schema and store as beans, on the client the farming-orm
 * starter builds from the application's database.
 */
@NullMarked
package dev.farminglabs.orm.samples.platformkit.autoconfigure;

import org.jspecify.annotations.NullMarked;
