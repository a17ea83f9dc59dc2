package dev.farminglabs.orm.memory;

import java.util.ArrayList;
import java.util.List;

/**
 * The undo log of the write in progress: every change to a table records its inverse, so a failed write (or a
 * transaction, or a savepoint inside one) undoes exactly what it changed instead of restoring a copy of every table.
 * A write therefore costs what it touches. Guarded by the database's write lock.
 */
final class MemoryJournal {

	private final List<Runnable> undo = new ArrayList<>();

	/** Whether a write is in progress; changes outside one (none are made) need no undo. */
	private int depth;

	void record(Runnable inverse) {
		if (this.depth > 0) {
			this.undo.add(inverse);
		}
	}

	/** Starts a write (or a nested one); returns the mark to roll back to. */
	int begin() {
		this.depth++;
		return this.undo.size();
	}

	/** Ends a write that succeeded; the outermost one forgets the log. */
	void commit() {
		if (--this.depth == 0) {
			this.undo.clear();
		}
	}

	/** Undoes every change since the mark, newest first, and ends the write. */
	void rollback(int mark) {
		for (int i = this.undo.size() - 1; i >= mark; i--) {
			this.undo.remove(i).run();
		}
		if (--this.depth == 0) {
			this.undo.clear();
		}
	}

}
