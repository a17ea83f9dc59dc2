/**
 * farming-orm: one schema and one client API that a framework writes once, run on whichever database the
 * application already has. Start with {@link dev.farminglabs.orm.FarmingOrm}.
 */
@NullMarked
package dev.farminglabs.orm;

import org.jspecify.annotations.NullMarked;
