package dev.farminglabs.orm.redis;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A real three-node Redis Cluster on loopback for the tests of this JVM, started once (three
 * {@code redis-server --cluster-enabled yes} on free ports, then {@code redis-cli --cluster create ...
 * --cluster-replicas 0}) and shut down when the JVM exits. Where {@code redis-server} is missing the cluster tests
 * are skipped, except in CI ({@code CI=true}), where that fails them.
 */
final class TestRedisCluster {

	private static List<String> nodes;

	private static Path directory;

	private TestRedisCluster() {
	}

	/** The cluster's nodes as {@code host:port}, starting it on first use. */
	static synchronized List<String> nodes() {
		if (nodes == null) {
			requireBinaries();
			nodes = start();
		}
		return nodes;
	}

	/**
	 * Starts a standalone server of its own on a free port with extra options (a replica, a memory limit), for cases
	 * that must not disturb the shared server; returns its port. Stop it with {@link #stopServer}.
	 */
	static int startServer(String... options) {
		requireBinaries();
		try {
			int port = freePorts(1).get(0);
			Path dir = Files.createTempDirectory("farming-redis-" + port);
			List<String> command = new ArrayList<>(List.of("redis-server", "--port", Integer.toString(port), "--dir",
					dir.toString(), "--save", "", "--appendonly", "no", "--daemonize", "yes", "--bind", "127.0.0.1"));
			command.addAll(List.of(options));
			run(command.toArray(new String[0]));
			waitFor(() -> output("redis-cli", "-p", Integer.toString(port), "ping").contains("PONG"), "server " + port);
			return port;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start a Redis server", ex);
		}
	}

	static void stopServer(int port) {
		output("redis-cli", "-p", Integer.toString(port), "shutdown", "nosave");
	}

	private static void requireBinaries() {
		if (!onPath("redis-server") || !onPath("redis-cli")) {
			String why = "redis-server and redis-cli are needed to start Redis servers (scripts/start-services.sh installs them)";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException(why);
			}
			Assumptions.abort(why);
		}
	}

	private static List<String> start() {
		try {
			directory = Files.createTempDirectory("farming-redis-cluster");
			List<Integer> ports = freePorts(3);
			List<String> started = new ArrayList<>();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(ports)));
			for (int port : ports) {
				Path dir = Files.createDirectories(directory.resolve(Integer.toString(port)));
				run("redis-server", "--port", Integer.toString(port), "--cluster-enabled", "yes",
						"--cluster-config-file", dir.resolve("nodes.conf").toString(), "--dir", dir.toString(), "--save",
						"", "--appendonly", "no", "--daemonize", "yes", "--bind", "127.0.0.1", "--pidfile",
						dir.resolve("redis.pid").toString());
				started.add("127.0.0.1:" + port);
			}
			for (int port : ports) {
				waitFor(() -> output("redis-cli", "-p", Integer.toString(port), "ping").contains("PONG"), "node " + port);
			}
			List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
			create.addAll(started);
			create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
			run(create.toArray(new String[0]));
			for (int port : ports) {
				waitFor(() -> output("redis-cli", "-p", Integer.toString(port), "cluster", "info")
					.contains("cluster_state:ok"), "cluster state on " + port);
			}
			return List.copyOf(started);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start the Redis Cluster", ex);
		}
	}

	private static void stop(List<Integer> ports) {
		for (int port : ports) {
			try {
				run("redis-cli", "-p", Integer.toString(port), "shutdown", "nosave");
			}
			catch (RuntimeException ex) {
				// already gone
			}
		}
	}

	static List<Integer> freePorts(int count) throws IOException {
		List<Integer> ports = new ArrayList<>();
		while (ports.size() < count) {
			int port = ThreadLocalRandom.current().nextInt(20000, 29000);
			if (!ports.contains(port) && free(port) && free(port + 10000)) {
				ports.add(port);
			}
		}
		return ports;
	}

	private static boolean free(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	static boolean onPath(String command) {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
			if (Files.isExecutable(Path.of(dir, command))) {
				return true;
			}
		}
		return false;
	}

	static void waitFor(java.util.function.BooleanSupplier ready, String what) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (!ready.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Redis Cluster: " + what + " not ready after 30 s");
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	static void run(String... command) {
		String out = output(command);
		if (out.startsWith("!exit")) {
			throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
		}
	}

	static String output(String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return "!exit timeout " + out;
			}
			return (process.exitValue() == 0) ? out : "!exit " + process.exitValue() + " " + out;
		}
		catch (IOException ex) {
			return "!exit " + ex;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "!exit interrupted";
		}
	}

}
