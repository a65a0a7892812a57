package org.animalexports.support;

import org.apache.ftpserver.ConnectionConfigFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.Authority;
import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.ftpserver.ftplet.DefaultFtplet;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpReply;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.ftplet.FtpSession;
import org.apache.ftpserver.ftplet.FtpletResult;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real FTP server (Apache FtpServer) on 127.0.0.1 standing in for a partner. Each login has its own home
 * folder; the server keeps a log of the uploads and renames it saw, per login.
 */
public final class FtpPeer implements AutoCloseable {

    private final FtpServer server;
    private final UserManager users;
    private final Path root;
    private final int port;
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final List<Fault> faults = new ArrayList<>();
    private final AtomicInteger logins = new AtomicInteger();
    /** Commands received, by "login COMMAND" ("? USER" before the login is known): counts, not a log, for load. */
    private final Map<String, AtomicInteger> commands = new ConcurrentHashMap<>();
    private final AtomicInteger openSessions = new AtomicInteger();
    private volatile long roundTripMillis;

    /** A fault to inject on the next command of that name: an FTP reply code, or 0 to drop the connection. */
    private record Fault(String command, int reply) {
    }

    /** The next {@code times} commands named {@code command} (STOR, RNTO, ...) get this reply; 0 drops the connection. */
    public void failNext(String command, int reply, int times) {
        synchronized (faults) {
            for (int i = 0; i < times; i++) {
                faults.add(new Fault(command, reply));
            }
        }
    }

    /**
     * Each command's reply waits this long, as if the partner were a round trip away (0, the default: loopback).
     * Data connections are not delayed.
     */
    public void replyAfter(Duration roundTrip) {
        this.roundTripMillis = roundTrip.toMillis();
    }

    /** How many logins (PASS commands) the server saw. */
    public int logins() {
        return logins.get();
    }

    /** How many control connections are open now: a client that is done has closed its own. */
    public int openSessions() {
        return openSessions.get();
    }

    public FtpPeer() {
        try {
            root = Files.createTempDirectory("ftp-peer");
            port = freePort();
            FtpServerFactory factory = new FtpServerFactory();
            ListenerFactory listener = new ListenerFactory();
            listener.setServerAddress("127.0.0.1");
            listener.setPort(port);
            org.apache.ftpserver.listener.Listener control = listener.createListener();
            factory.addListener("default", control);
            // FtpServer's defaults (10 logins, as many threads) would cap the service's parallel uploads.
            ConnectionConfigFactory connections = new ConnectionConfigFactory();
            connections.setMaxLogins(64);
            connections.setMaxThreads(64);
            factory.setConnectionConfig(connections.createConnectionConfig());
            users = new PropertiesUserManagerFactory().createUserManager();
            factory.setUserManager(users);
            factory.setFtplets(new java.util.HashMap<>(Map.of("log", new DefaultFtplet() {
                @Override
                public FtpletResult onConnect(FtpSession session) {
                    openSessions.incrementAndGet();
                    return FtpletResult.DEFAULT;
                }

                @Override
                public FtpletResult onDisconnect(FtpSession session) {
                    openSessions.decrementAndGet();
                    return FtpletResult.DEFAULT;
                }

                @Override
                public FtpletResult beforeCommand(FtpSession session, FtpRequest request) throws FtpException, IOException {
                    RoundTrip.pause(roundTripMillis);
                    String command = request.getCommand().toUpperCase();
                    commands.computeIfAbsent((session.getUser() == null ? "?" : session.getUser().getName()) + " " + command,
                            k -> new AtomicInteger()).incrementAndGet();
                    if (command.equals("PASS")) {
                        logins.incrementAndGet();
                    }
                    Fault fault;
                    synchronized (faults) {
                        fault = faults.stream().filter(f -> f.command().equals(command)).findFirst().orElse(null);
                        if (fault != null) {
                            faults.remove(fault);
                        }
                    }
                    if (fault == null) {
                        return super.beforeCommand(session, request);
                    }
                    log.add(session.getUser() == null ? "?" : session.getUser().getName() + " FAULT " + command + " " + fault.reply());
                    if (fault.reply() == 0) {
                        dropMidTransfer(session, request);
                        return FtpletResult.DISCONNECT;
                    }
                    session.write(new DefaultFtpReply(fault.reply(), "fault injected by the test"));
                    return FtpletResult.SKIP;
                }


                /** Logs the uploads and renames the server completed: a refused one gets a reply of 300 and above. */
                @Override
                public FtpletResult afterCommand(FtpSession session, FtpRequest request, FtpReply reply) {
                    String command = request.getCommand().toUpperCase();
                    if ((command.equals("STOR") || command.equals("RNTO")) && reply != null && reply.getCode() < 300) {
                        log.add(session.getUser().getName() + " " + command + " " + request.getArgument());
                    }
                    return FtpletResult.DEFAULT;
                }
            })));
            server = factory.createServer();
            server.start();
            replyWithoutDelay(control);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FtpException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Takes the first bytes of an upload into the named file, then drops data and control connections. */
    private static void dropMidTransfer(FtpSession session, FtpRequest request) throws FtpException, IOException {
        if (!request.getCommand().equalsIgnoreCase("STOR")) {
            return;
        }
        session.write(new DefaultFtpReply(150, "Opening data connection"));
        org.apache.ftpserver.ftplet.FtpFile file = session.getFileSystemView().getFile(request.getArgument());
        try (java.io.OutputStream partial = file.createOutputStream(0)) {
            session.getDataConnection().openConnection().transferFromClient(session, new java.io.OutputStream() {
                private int count;

                @Override
                public void write(int b) throws IOException {
                    if (++count > 16) {
                        throw new IOException("connection dropped by the test");
                    }
                    partial.write(b);
                }
            });
        } catch (Exception dropped) {
            // what a crash in the middle of the transfer leaves: a part of the file under its upload name
        }
        session.getDataConnection().closeDataConnection();
    }

    /**
     * Apache FtpServer leaves Nagle's algorithm on for the control connection, so its "226 Transfer complete"
     * waits behind the client's delayed ACK of the "150" sent just before: 40 ms per file on Linux loopback, which
     * a real partner server need not cost (vsftpd sets TCP_NODELAY on its command connection). FtpServer's
     * listener offers no setting for it.
     */
    private static void replyWithoutDelay(org.apache.ftpserver.listener.Listener control) {
        try {
            java.lang.reflect.Field acceptor = control.getClass().getDeclaredField("acceptor");
            acceptor.setAccessible(true);
            ((org.apache.mina.transport.socket.SocketAcceptor) acceptor.get(control)).getSessionConfig().setTcpNoDelay(true);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot switch Nagle's algorithm off in the FTP peer", e);
        }
    }

    public int port() {
        return port;
    }

    /** Adds a login whose home folder is empty. */
    public void addUser(String name, String password) {
        try {
            Path home = Files.createDirectories(root.resolve(name));
            BaseUser user = new BaseUser();
            user.setName(name);
            user.setPassword(password);
            user.setHomeDirectory(home.toString());
            user.setAuthorities(List.<Authority>of(new WritePermission()));
            users.save(user);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FtpException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bytes a login's file holds, if the file exists. */
    public Optional<byte[]> file(String user, String path) {
        Path file = root.resolve(user).resolve(path);
        try {
            return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String text(String user, String path) {
        return new String(file(user, path).orElseThrow(() -> new AssertionError(user + " has no file " + path
                + "; uploads seen: " + log)), StandardCharsets.UTF_8);
    }

    /** Every file below a login's home, as paths relative to it. */
    public List<String> files(String user) {
        Path home = root.resolve(user);
        if (!Files.exists(home)) {
            return List.of();
        }
        try (var walk = Files.walk(home)) {
            return walk.filter(Files::isRegularFile).map(p -> home.relativize(p).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The uploads (STOR) and renames (RNTO) the server completed, in order: "login STOR name"; injected faults. */
    public List<String> log() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    /** How many commands of this name (PASV, NLST, DELE, ...) the login sent since the start or the last reset. */
    public int commands(String user, String command) {
        var count = commands.get(user + " " + command);
        return count == null ? 0 : count.get();
    }

    public long uploads(String user) {
        return log().stream().filter(l -> l.startsWith(user + " STOR ")).count();
    }

    /** Forgets the log and every login's files (the logins stay). */
    public void reset() {
        log.clear();
        commands.clear();
        logins.set(0);
        synchronized (faults) {
            faults.clear();
        }
        try (var walk = Files.walk(root)) {
            walk.sorted(Collections.reverseOrder()).filter(p -> !p.equals(root) && Files.isRegularFile(p)).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
