package dev.farminglabs.orm.jdbc.dialect;

/**
 * What the server said about itself through {@code DatabaseMetaData}.
 *
 * @param product the product name, as {@code PostgreSQL}
 * @param version the product version text
 * @param major the major version
 * @param minor the minor version
 */
public record DatabaseVersion(String product, String version, int major, int minor) {

	/** Whether the server is at least {@code major.minor}. */
	public boolean atLeast(int wantedMajor, int wantedMinor) {
		return this.major > wantedMajor || (this.major == wantedMajor && this.minor >= wantedMinor);
	}

	@Override
	public String toString() {
		return this.product + " " + this.version;
	}

}
