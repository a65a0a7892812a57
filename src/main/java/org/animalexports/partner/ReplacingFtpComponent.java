package org.animalexports.partner;

import org.apache.camel.component.file.GenericFileEndpoint;
import org.apache.camel.component.file.remote.CamelFTPParserFactory;
import org.apache.camel.component.file.remote.FtpComponent;
import org.apache.camel.component.file.remote.FtpConfiguration;
import org.apache.camel.component.file.remote.FtpEndpoint;
import org.apache.camel.component.file.remote.FtpUtils;
import org.apache.camel.spi.annotations.Component;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPFile;

import java.net.URI;
import java.util.Map;

/**
 * Camel's ftp component, whose endpoints connect with a {@link ReplacingFtpClient}: a new one for each producer,
 * as Camel's own endpoints create theirs (an endpoint's ftpClient option would share one client between the
 * uploads of accounts that have the same login, at the same time). Builds the endpoint as FtpComponent does.
 * The annotation names it for Camel, which reads ftp's option configurers by that name.
 */
@Component("ftp")
public class ReplacingFtpComponent extends FtpComponent {

    @Override
    protected GenericFileEndpoint<FTPFile> buildFileEndpoint(String uri, String remaining, Map<String, Object> parameters)
            throws Exception {
        FtpConfiguration config = new FtpConfiguration(new URI(getBaseUri(uri)));
        FtpUtils.ensureRelativeFtpDirectory(this, config);
        FtpEndpoint<FTPFile> endpoint = new FtpEndpoint<>(uri, this, config) {
            @Override
            protected FTPClient createFtpClient() {
                FTPClient client = new ReplacingFtpClient();
                client.setParserFactory(new CamelFTPParserFactory(getCamelContext().getClassResolver()));
                return client;
            }
        };
        extractAndSetFtpClientConfigParameters(parameters, endpoint);
        extractAndSetFtpClientParameters(parameters, endpoint);
        return endpoint;
    }
}
