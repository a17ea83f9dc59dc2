/**
 * A sample framework module, "platform kit": it declares its storage once ({@link PlatformKitSchema}) and writes its
 * store once against {@code OrmClient} ({@link PlatformKitStore}), and the application that uses it brings the
 * database.
 */
@NullMarked
package dev.farminglabs.orm.samples.platformkit;

import org.jspecify.annotations.NullMarked;
