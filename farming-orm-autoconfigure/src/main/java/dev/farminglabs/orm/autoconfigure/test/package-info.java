/**
 * Test-slice support: {@link dev.farminglabs.orm.autoconfigure.test.AutoConfigureFarmingOrm}.
 */
@NullMarked
package dev.farminglabs.orm.autoconfigure.test;

import org.jspecify.annotations.NullMarked;
