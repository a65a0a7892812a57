package org.animalexports.partner;

import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPCmd;
import org.apache.commons.net.ftp.FTPReply;

import java.io.IOException;

/**
 * The FTP client of feed uploads, whose rename onto an existing file replaces it. Many servers rename over a file
 * themselves (vsftpd, ProFTPD with AllowOverwrite); where the server refuses and the file is there (Apache FtpServer
 * among them), this client deletes it and renames again, as Camel's fileExist=Override would have done before the
 * rename. Camel can then skip its own checks (fileExist=TryRename), each a directory listing over a data
 * connection of its own: an upload takes one data connection instead of three.
 */
public class ReplacingFtpClient extends FTPClient {

    @Override
    public boolean rename(String from, String to) throws IOException {
        if (!FTPReply.isPositiveIntermediate(rnfr(from))) {
            return false; // the uploaded file is not there: nothing of the partner's may go
        }
        if (FTPReply.isPositiveCompletion(rnto(to))) {
            return true;
        }
        // Only a refusal because the file is there is worth a second try: anything else stays a failed rename.
        return exists(to) && deleteFile(to) && super.rename(from, to);
    }

    /** MDTM answers on the control connection (550: no such file); a server without it lists the one name. */
    private boolean exists(String path) throws IOException {
        int reply = sendCommand(FTPCmd.MDTM, path);
        if (FTPReply.isPositiveCompletion(reply)) {
            return true;
        }
        if (reply == FTPReply.FILE_UNAVAILABLE) {
            return false;
        }
        String[] names = listNames(path);
        return names != null && names.length > 0;
    }
}
