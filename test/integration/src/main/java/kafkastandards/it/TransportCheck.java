package kafkastandards.it;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;

/**
 * Transport security of the secured cluster, with the Java client and raw sockets.
 *
 *   TransportCheck --scram-file F --mtls-file F --local LOCAL.properties --scram-bootstrap B
 *                  --mtls-bootstrap B --tls-ports NAME=PORT,... --closed-ports PORT,...
 *                  --untrusted-keystore F --untrusted-password-env NAME --ca CA.pem
 *                  --probe-keystore F --probe-password-env NAME
 *
 * The client files are an application's rendered Java files (their ${env:...} references resolved
 * from the environment); LOCAL adds the test CA as truststore. Checks, each a PASS/FAIL line:
 *   - controls: each file with the CA connects (an admin client describes the cluster);
 *   - without the CA, neither the SASL_SSL nor the mutual-TLS client connects (SslAuthenticationException);
 *   - without a client certificate, the mutual-TLS listener refuses the client;
 *   - a certificate with the same subject from another CA is refused;
 *   - a wrong SCRAM password is refused (SaslAuthenticationException);
 *   - every listening port (SASL_SSL, SSL, controller) answers a Kafka ApiVersions request over TLS
 *     (presenting the probe keystore's certificate where the listener requires one) and never in
 *     plaintext;
 *   - the PLAINTEXT and SASL_PLAINTEXT client ports of the plain cluster are closed.
 */
public final class TransportCheck {
  public static void main(String[] args) throws Exception {
    Cli cli = new Cli(args);
    Map<String, String> local = Cli.readProperties(Path.of(cli.get("local")));
    Properties scram = AccessMatrix.connectionOf(load(cli.get("scram-file")));
    scram.put("bootstrap.servers", cli.get("scram-bootstrap"));
    Properties mtls = AccessMatrix.connectionOf(load(cli.get("mtls-file")));
    mtls.put("bootstrap.servers", cli.get("mtls-bootstrap"));
    boolean ok = true;

    ok &= control("Java transport control: the SASL_SSL client file with the test CA connects", with(scram, local));
    ok &= control("Java transport control: the mutual-TLS client file with the test CA connects", with(mtls, local));
    ok &= refused("Java client without the CA cannot connect over SASL_SSL", scram, SslAuthenticationException.class);
    ok &= refused("Java client without the CA cannot connect over mutual TLS", mtls, SslAuthenticationException.class);
    Properties noCert = with(mtls, local);
    noCert.keySet().removeIf(k -> k.toString().startsWith("ssl.keystore.") || k.toString().equals("ssl.key.password"));
    ok &= refused("Java client without a client certificate is refused on the mutual-TLS listener", noCert,
        SslAuthenticationException.class);
    Properties otherCa = with(mtls, local);
    otherCa.put("ssl.keystore.location", cli.get("untrusted-keystore"));
    otherCa.put("ssl.keystore.password", System.getenv(cli.get("untrusted-password-env")));
    ok &= refused("Java client whose certificate has the same subject but comes from another CA is refused", otherCa,
        SslAuthenticationException.class);
    Properties wrong = with(scram, local);
    wrong.put("sasl.jaas.config", wrong.getProperty("sasl.jaas.config").replaceAll("password=\"[^\"]*\"", "password=\"not-the-password\""));
    ok &= refused("Java client with a wrong SCRAM password is refused", wrong, SaslAuthenticationException.class);

    SSLContext tls = tlsContext(Path.of(cli.get("ca")), Path.of(cli.get("probe-keystore")),
        System.getenv(cli.get("probe-password-env")).toCharArray());
    for (String p : cli.get("tls-ports").split(",")) {
      int port = Integer.parseInt(p.substring(p.indexOf('=') + 1));
      String name = "the " + p.substring(0, p.indexOf('=')) + " listener answers Kafka only over TLS";
      try {
        boolean overTls = answersApiVersions(tls.getSocketFactory().createSocket("127.0.0.1", port));
        boolean plain = answersApiVersions(new Socket("127.0.0.1", port));
        if (overTls && !plain) {
          Cli.pass(name + " (ApiVersions over TLS answered; in plaintext the connection is closed without an answer)");
        } else {
          Cli.fail(name, "ApiVersions over TLS " + (overTls ? "answered" : "not answered") + ", in plaintext "
              + (plain ? "answered" : "not answered"));
          ok = false;
        }
      } catch (IOException e) {
        Cli.fail(name, e.toString());
        ok = false;
      }
    }
    List<String> open = new ArrayList<>();
    String[] closed = cli.get("closed-ports").split(",");
    for (String p : closed) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(p)), 2000);
        open.add(p);
      } catch (ConnectException e) {
        // closed, as it must be
      }
    }
    if (open.isEmpty()) {
      Cli.pass("the plain cluster's PLAINTEXT and SASL_PLAINTEXT client ports are closed on the secured run ("
          + closed.length + " ports)");
    } else {
      Cli.fail("the plain cluster's PLAINTEXT and SASL_PLAINTEXT client ports are closed on the secured run", "open: " + open);
      ok = false;
    }
    System.exit(ok ? 0 : 1);
  }

  private static Properties load(String file) throws IOException {
    Properties p = new Properties();
    p.putAll(Cli.readProperties(Path.of(file)));
    return p;
  }

  private static Properties with(Properties base, Map<String, String> extra) {
    Properties p = new Properties();
    p.putAll(base);
    p.putAll(extra);
    return p;
  }

  private static Admin admin(Properties p) {
    Properties a = new Properties();
    a.putAll(p);
    a.put("default.api.timeout.ms", "15000");
    a.put("request.timeout.ms", "10000");
    return Admin.create(a);
  }

  private static boolean control(String name, Properties p) {
    try (Admin admin = admin(p)) {
      int n = admin.describeCluster().nodes().get(20, TimeUnit.SECONDS).size();
      Cli.pass(name + " (" + n + " brokers described)");
      return true;
    } catch (Exception e) {
      Cli.fail(name, e.toString());
      return false;
    }
  }

  private static boolean refused(String name, Properties p, Class<? extends Exception> expected) {
    try (Admin admin = admin(p)) {
      admin.describeCluster().nodes().get(20, TimeUnit.SECONDS);
      Cli.fail(name, "the client connected and described the cluster");
      return false;
    } catch (Exception e) {
      for (Throwable c = e; c != null; c = c.getCause()) {
        if (expected.isInstance(c)) {
          String why = c.getMessage() == null ? "" : c.getMessage();
          Throwable root = c;
          while (root.getCause() != null) root = root.getCause();
          if (root != c && root.getMessage() != null) why += " / " + root.getMessage();
          Cli.pass(name + " [" + expected.getSimpleName() + ": " + why.replace('\n', ' ').substring(0, Math.min(200, why.length())) + "]");
          return true;
        }
      }
      Cli.fail(name, "refused, but not with " + expected.getSimpleName() + ": " + e);
      return false;
    }
  }

  /** TLS trusting the test CA, presenting the certificate of KEYSTORE (listeners that require one). */
  private static SSLContext tlsContext(Path caPem, Path keystore, char[] password) throws Exception {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    try (InputStream in = Files.newInputStream(caPem)) {
      trust.setCertificateEntry("ca", (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      keys.load(in, password);
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, password);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    return ctx;
  }

  /** Sends an ApiVersions v0 request and reports whether a Kafka response with its correlation id comes back within 5 s. */
  static boolean answersApiVersions(Socket s) throws IOException {
    try (s) {
      s.setSoTimeout(5000);
      if (s instanceof SSLSocket ssl) ssl.startHandshake();
      int correlationId = 0x4b53_0001;
      byte[] clientId = "it-probe".getBytes(StandardCharsets.US_ASCII);
      DataOutputStream out = new DataOutputStream(s.getOutputStream());
      out.writeInt(2 + 2 + 4 + 2 + clientId.length);
      out.writeShort(18); // ApiVersions
      out.writeShort(0);
      out.writeInt(correlationId);
      out.writeShort(clientId.length);
      out.write(clientId);
      out.flush();
      DataInputStream in = new DataInputStream(s.getInputStream());
      int size = in.readInt();
      return size >= 4 && size < 1_000_000 && in.readInt() == correlationId;
    } catch (IOException e) {
      return false;
    }
  }
}
