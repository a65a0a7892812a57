package org.animalexports.partner;

import java.nio.file.Path;
import java.util.Map;

/**
 * Camel endpoint URIs for delivering to a partner account: the partner's FTP/FTPS/SFTP server with the account's
 * login, or, in preview mode, a folder per partner and organisation on the local disk.
 */
public class PartnerEndpoints {

    private final PartnerRegistry partners;
    private final Path previewDir;
    private final FileTransferSettings settings;

    /** Timeouts and host-key policy for every file-transfer partner, from application.properties. */
    public record FileTransferSettings(int connectTimeoutMillis, int readTimeoutMillis, int dataTimeoutMillis,
                                       String knownHostsFile, boolean strictHostKeyChecking) {
    }

    /** @param previewDir where feeds are written instead of being sent; null to send to the partners */
    public PartnerEndpoints(PartnerRegistry partners, Path previewDir, FileTransferSettings settings) {
        this.partners = partners;
        this.previewDir = previewDir;
        this.settings = settings;
    }

    public boolean isPreview() {
        return previewDir != null;
    }

    /** Where a feed file goes; the file name itself travels in the CamelFileName header. */
    public String uploadUri(String partnerCode, Map<String, Object> account, String directory) {
        PartnerConfig partner = partners.get(partnerCode);
        // An account may use another file transport than its partner's default (ftps or sftp instead of ftp).
        PartnerConfig.Transport transport = account.get("protocol") == null ? partner.transport()
                : PartnerConfig.Transport.valueOf(account.get("protocol").toString());
        // Written under a temporary name, then renamed, so the partner never reads half a file. The previous file
        // is deleted only once the new one is written (Camel's default deletes it before the upload starts), so a
        // failed upload leaves the partner the feed it had, and the gap without a file is one command long. Over
        // plain FTP without the listings Camel takes before the upload and before the rename (a data connection
        // each): the ftp component's client renames over the previous file itself, deleting it first where the
        // server will not (ReplacingFtpComponent, ReplacingFtpClient).
        String replace = previewDir == null && transport == PartnerConfig.Transport.ftp ? "fileExist=TryRename"
                : "fileExist=Override&eagerDeleteTargetFile=false";
        String atomic = "tempFileName=${file:name}.uploading&" + replace;
        if (previewDir != null) {
            Path dir = previewDir.resolve(partnerCode).resolve("org-" + account.get("org_id"));
            if (!directory.isEmpty()) {
                dir = dir.resolve(directory);
            }
            return "file:" + dir.toAbsolutePath() + "?" + atomic + "&autoCreate=true";
        }
        PartnerConfig.Endpoint endpoint = partner.endpoint();
        String scheme = transport.name();
        int port = transport == PartnerConfig.Transport.sftp && partner.transport() != PartnerConfig.Transport.sftp
                ? (endpoint.sftpPort() == null ? 22 : endpoint.sftpPort()) : endpoint.port();
        StringBuilder uri = new StringBuilder(scheme).append("://").append(endpoint.host()).append(':').append(port)
                .append('/').append(directory)
                .append('?').append(atomic)
                .append("&username=").append(raw(account.get("username")))
                .append("&password=").append(raw(account.get("secret")))
                // One login for the files of a feed that share a directory: FeedUploads marks the last of them.
                .append("&binary=true&autoCreate=true&disconnectOnBatchComplete=true&maximumReconnectAttempts=0")
                // Paths in the commands (STOR import/x.csv) rather than a CWD there and back around each command,
                // unless the partner's server needs it; no NOOP before each file: the connection was opened
                // for this feed, and a failed command is retried whole. A first Petfinder upload takes 11 commands
                // and one data connection (22 commands and three data connections with Camel's defaults).
                .append("&stepwise=").append(Boolean.TRUE.equals(endpoint.stepwise()))
                .append("&sendNoop=false")
                .append("&throwExceptionOnConnectFailed=true")
                .append("&connectTimeout=").append(settings.connectTimeoutMillis());
        if (transport == PartnerConfig.Transport.sftp) {
            uri.append("&timeout=").append(settings.dataTimeoutMillis())
                    .append("&soTimeout=").append(settings.readTimeoutMillis())
                    .append("&strictHostKeyChecking=").append(settings.strictHostKeyChecking() ? "yes" : "no");
            if (settings.knownHostsFile() != null && !settings.knownHostsFile().isBlank()) {
                uri.append("&useUserKnownHostsFile=false&knownHostsFile=").append(raw(settings.knownHostsFile()));
            }
        } else {
            uri.append("&passiveMode=").append(endpoint.passiveMode() == null || endpoint.passiveMode())
                    .append("&timeout=").append(settings.dataTimeoutMillis())
                    .append("&soTimeout=").append(settings.readTimeoutMillis());
        }
        return uri.toString();
    }

    /** Camel's RAW() keeps a credential byte for byte; RAW{} is the form for values that contain a ')'. */
    private static String raw(Object value) {
        String s = value == null ? "" : value.toString();
        return s.contains(")") ? "RAW{" + s + "}" : "RAW(" + s + ")";
    }
}
