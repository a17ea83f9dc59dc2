package dev.farminglabs.orm.jdbc;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A PostgreSQL or MariaDB server of the test's own, in a temporary directory on a spare port, which the test may kill
 * ({@code SIGKILL}), freeze ({@code SIGSTOP}/{@code SIGCONT}) and restart: never the shared servers. Signals go to the
 * processes this object started, by id. Without the server binaries the test is skipped, except in CI
 * ({@code CI=true}), where that is a failure.
 */
abstract class LocalServer implements AutoCloseable {

	private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

	final Path directory;

	final int port;

	private Process process;

	LocalServer(String name) throws IOException {
		this.directory = Files.createTempDirectory("farming-faults-" + name + "-");
		this.directory.toFile().setWritable(true, false);
		this.port = sparePort();
	}

	/** A PostgreSQL server, initialised with trust authentication. */
	static LocalServer postgresql() throws Exception {
		Path bin = required(latestPostgresBin(), "PostgreSQL server binaries (/usr/lib/postgresql/*/bin)");
		LocalServer server = new LocalServer("postgresql") {
			@Override
			List<String> startCommand() {
				return asServiceUser("postgres", bin.resolve("postgres").toString(), "-D", data().toString(), "-p",
						String.valueOf(this.port), "-k", this.directory.toString(), "-c", "listen_addresses=127.0.0.1",
						"-c", "shared_buffers=16MB", "-c", "max_connections=40", "-c", "fsync=on",
						"-c", "synchronous_commit=on");
			}

			@Override
			String jdbcUrl() {
				return "jdbc:postgresql://127.0.0.1:" + this.port + "/postgres?connectTimeout=2&loginTimeout=3"
						// pgjdbc waits for the cancel of a timed-out statement (10 s by default) before it returns.
						+ "&cancelSignalTimeout=1";
			}

			@Override
			String user() {
				return "postgres";
			}

			@Override
			long serverPid() throws IOException {
				return Long.parseLong(Files.readAllLines(data().resolve("postmaster.pid")).get(0).trim());
			}

			@Override
			void gracefulStop() throws Exception {
				signal("INT", serverPid());
			}
		};
		server.chown("postgres");
		run(asServiceUser("postgres", bin.resolve("initdb").toString(), "-D", server.data().toString(), "-A", "trust",
				"-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"));
		return server;
	}

	/** A MariaDB server whose grant tables are skipped, so any user may connect. */
	static LocalServer mariadb() throws Exception {
		Path daemon = required(firstExisting("/usr/sbin/mariadbd", "/usr/bin/mariadbd", "/usr/sbin/mysqld"),
				"the MariaDB server (mariadbd)");
		Path install = required(firstExisting("/usr/bin/mariadb-install-db", "/usr/bin/mysql_install_db"),
				"mariadb-install-db");
		LocalServer server = new LocalServer("mariadb") {
			@Override
			List<String> startCommand() {
				List<String> command = new ArrayList<>(List.of(daemon.toString(), "--no-defaults",
						"--datadir=" + data(), "--port=" + this.port, "--bind-address=127.0.0.1",
						"--socket=" + this.directory.resolve("mysqld.sock"), "--pid-file=" + this.directory.resolve("mysqld.pid"),
						"--skip-grant-tables", "--skip-log-bin", "--innodb-buffer-pool-size=32M", "--max-connections=60",
						"--innodb-flush-log-at-trx-commit=1", "--log-error=" + this.directory.resolve("error.log")));
				if (ROOT) {
					command.add(2, "--user=mysql");
				}
				return command;
			}

			@Override
			String jdbcUrl() {
				return "jdbc:mariadb://127.0.0.1:" + this.port + "/faults?connectTimeout=2000&createDatabaseIfNotExist=true";
			}

			@Override
			String user() {
				return "root";
			}

			@Override
			long serverPid() throws IOException {
				return Long.parseLong(Files.readString(this.directory.resolve("mysqld.pid")).trim());
			}

			@Override
			void gracefulStop() throws Exception {
				signal("TERM", serverPid());
			}
		};
		if (ROOT) {
			server.chown("mysql");
		}
		List<String> command = new ArrayList<>(List.of(install.toString(), "--no-defaults", "--datadir=" + server.data(),
				"--auth-root-authentication-method=normal", "--skip-test-db"));
		if (ROOT) {
			command.add("--user=mysql");
		}
		run(command);
		return server;
	}

	abstract List<String> startCommand();

	abstract String jdbcUrl();

	abstract String user();

	abstract long serverPid() throws IOException;

	/** Asks the server to shut down the way an operator's restart does (PostgreSQL fast shutdown, MariaDB TERM). */
	abstract void gracefulStop() throws Exception;

	Path data() {
		return this.directory.resolve("data");
	}

	/** Starts the server and waits until it accepts connections. */
	void start() throws Exception {
		ProcessBuilder builder = new ProcessBuilder(startCommand());
		builder.redirectErrorStream(true);
		builder.redirectOutput(ProcessBuilder.Redirect.appendTo(this.directory.resolve("server.log").toFile()));
		this.process = builder.start();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (System.nanoTime() < deadline) {
			if (accepts() && pidKnown()) {
				return;
			}
			if (!this.process.isAlive()) {
				break;
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("The server did not start; its log:\n" + log());
	}

	/** {@code kill -9} of the server and every process it started. */
	void kill() throws Exception {
		long pid = serverPid();
		List<ProcessHandle> all = new ArrayList<>();
		ProcessHandle.of(pid).ifPresent((handle) -> {
			all.add(handle);
			handle.descendants().forEach(all::add);
		});
		for (ProcessHandle handle : all) {
			handle.destroyForcibly();
		}
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		for (ProcessHandle handle : all) {
			while (running(handle.pid()) && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
		}
		if (this.process != null) {
			this.process.destroyForcibly();
			this.process.waitFor(30, TimeUnit.SECONDS);
		}
		// A killed process may linger as a zombie until it is reaped; its pid file must not stop the restart.
		Files.deleteIfExists(data().resolve("postmaster.pid"));
		Files.deleteIfExists(this.directory.resolve(".s.PGSQL." + this.port + ".lock"));
		Files.deleteIfExists(this.directory.resolve(".s.PGSQL." + this.port));
	}

	/** Whether the process exists and is not a zombie. */
	private static boolean running(long pid) {
		try {
			String stat = Files.readString(Paths.get("/proc", String.valueOf(pid), "stat"));
			char state = stat.charAt(stat.lastIndexOf(')') + 2);
			return state != 'Z' && state != 'X';
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	/** Waits until a graceful stop has ended the server. */
	void awaitStopped() throws Exception {
		if (this.process != null) {
			assertThat(this.process.waitFor(60, TimeUnit.SECONDS)).as("server stopped").isTrue();
		}
		while (accepts()) {
			Thread.sleep(50);
		}
	}

	/** {@code SIGSTOP} (freeze) or {@code SIGCONT} (thaw) of the server and its processes. */
	void freeze(boolean frozen) throws Exception {
		long pid = serverPid();
		List<Long> pids = new ArrayList<>();
		pids.add(pid);
		ProcessHandle.of(pid).ifPresent((handle) -> handle.descendants().forEach((child) -> pids.add(child.pid())));
		for (long each : pids) {
			signal(frozen ? "STOP" : "CONT", each);
		}
	}

	@Override
	public void close() throws Exception {
		try {
			try {
				freeze(false);
			}
			catch (Exception | AssertionError ex) {
				// Not running.
			}
			try {
				kill();
			}
			catch (Exception | AssertionError ex) {
				// Not running.
			}
		}
		finally {
			try (Stream<Path> paths = Files.walk(this.directory)) {
				paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
		}
	}

	String log() {
		try {
			Path log = this.directory.resolve("server.log");
			String text = Files.exists(log) ? Files.readString(log) : "";
			Path error = this.directory.resolve("error.log");
			return text + (Files.exists(error) ? Files.readString(error) : "");
		}
		catch (IOException ex) {
			return "(no log: " + ex + ")";
		}
	}

	private boolean accepts() {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private boolean pidKnown() {
		try {
			return running(serverPid());
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	private void chown(String user) throws Exception {
		if (ROOT) {
			run(List.of("chown", "-R", user + ":" + user, this.directory.toString()));
		}
	}

	/** Sends a signal to a process by id; a process that has just exited (a finished backend) is no error. */
	static void signal(String signal, long pid) throws Exception {
		Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).redirectErrorStream(true).start();
		kill.getInputStream().readAllBytes();
		kill.waitFor(30, TimeUnit.SECONDS);
	}

	private static List<String> asServiceUser(String user, String... command) {
		List<String> full = new ArrayList<>();
		if (ROOT) {
			full.addAll(List.of("runuser", "-u", user, "--"));
		}
		full.addAll(Arrays.asList(command));
		return full;
	}

	private static void run(List<String> command) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
	}

	private static int sparePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static Optional<Path> latestPostgresBin() {
		File root = new File("/usr/lib/postgresql");
		String[] versions = root.list();
		if (versions == null) {
			return Optional.empty();
		}
		return Arrays.stream(versions)
			.filter((version) -> version.matches("\\d+"))
			.max(Comparator.comparingInt(Integer::parseInt))
			.map((version) -> Paths.get("/usr/lib/postgresql", version, "bin"))
			.filter((bin) -> Files.isExecutable(bin.resolve("postgres")) && Files.isExecutable(bin.resolve("initdb")));
	}

	private static Optional<Path> firstExisting(String... candidates) {
		return Arrays.stream(candidates).map(Paths::get).filter(Files::isExecutable).findFirst();
	}

	/** The binary, or a skip (a failure in CI, where every backend is required). */
	private static Path required(Optional<Path> binary, String what) {
		if (binary.isEmpty()) {
			boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
			assertThat(ci).as("CI=true and " + what + " missing: the fault tests need it").isFalse();
			Assumptions.abort(what + " not installed; the fault tests need it");
		}
		return binary.get();
	}

}
