package org.animalexports.partner;

import org.animalexports.support.FtpPeer;
import org.apache.commons.net.ftp.FTP;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The feed uploads' FTP client against Apache FtpServer, which will not rename onto an existing file. */
class ReplacingFtpClientTest {

    private FtpPeer server;
    private ReplacingFtpClient client;

    @BeforeEach
    void connect() throws IOException {
        server = new FtpPeer();
        server.addUser("shelter", "pw");
        client = new ReplacingFtpClient();
        client.connect("127.0.0.1", server.port());
        assertThat(client.login("shelter", "pw")).isTrue();
        client.enterLocalPassiveMode();
        client.setFileType(FTP.BINARY_FILE_TYPE);
    }

    @AfterEach
    void close() throws IOException {
        client.disconnect();
        server.close();
    }

    @Test
    void renameOntoAnExistingFileReplacesIt() throws IOException {
        upload("feed.csv", "old");
        upload("feed.csv.uploading", "new");

        assertThat(client.rename("feed.csv.uploading", "feed.csv")).isTrue();

        assertThat(server.text("shelter", "feed.csv")).isEqualTo("new");
        assertThat(server.files("shelter")).containsExactly("feed.csv");
    }

    @Test
    void renameOntoNoFileIsAPlainRename() throws IOException {
        upload("feed.csv.uploading", "new");

        assertThat(client.rename("feed.csv.uploading", "feed.csv")).isTrue();

        assertThat(server.text("shelter", "feed.csv")).isEqualTo("new");
        assertThat(server.commands("shelter", "DELE")).isZero();
    }

    @Test
    void uploadedFileMissingAtRenameLeavesThePartnersFileAlone() throws IOException {
        upload("feed.csv", "old");
        upload("feed.csv.uploading", "new");
        server.failNext("RNFR", 550, 1);

        assertThat(client.rename("feed.csv.uploading", "feed.csv")).isFalse();

        assertThat(server.text("shelter", "feed.csv")).isEqualTo("old");
        assertThat(server.commands("shelter", "DELE")).isZero();
    }

    @Test
    void renameRefusedWhileNoFileIsThereDeletesNothing() throws IOException {
        upload("feed.csv.uploading", "new");
        server.failNext("RNTO", 553, 1);

        assertThat(client.rename("feed.csv.uploading", "feed.csv")).isFalse();

        assertThat(server.commands("shelter", "DELE")).isZero();
        assertThat(server.files("shelter")).containsExactly("feed.csv.uploading");
    }

    private void upload(String name, String content) throws IOException {
        assertThat(client.storeFile(name, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)))).isTrue();
    }
}
