package org.animalexports.support;

import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A real SFTP server (Apache MINA SSHD) on 127.0.0.1 with password logins, each in its own home folder. */
public final class SftpPeer implements AutoCloseable {

    private final SshServer server;
    private final Path root;
    private final Map<String, String> passwords = new ConcurrentHashMap<>();

    public SftpPeer() {
        try {
            root = Files.createTempDirectory("sftp-peer");
            server = SshServer.setUpDefaultServer();
            server.setHost("127.0.0.1");
            server.setPort(0);
            server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(root.resolve("host.key")));
            server.setPasswordAuthenticator((user, password, session) -> password.equals(passwords.get(user)));
            VirtualFileSystemFactory files = new VirtualFileSystemFactory(root);
            server.setFileSystemFactory(files);
            server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
            server.start();
            this.files = files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final VirtualFileSystemFactory files;

    public int port() {
        return server.getPort();
    }

    public void addUser(String name, String password) {
        try {
            Path home = Files.createDirectories(root.resolve("home").resolve(name));
            files.setUserHomeDir(name, home);
            passwords.put(name, password);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String text(String user, String path) {
        try {
            return Files.readString(root.resolve("home").resolve(user).resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            server.stop(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
