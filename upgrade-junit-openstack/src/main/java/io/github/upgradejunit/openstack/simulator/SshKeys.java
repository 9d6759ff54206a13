package io.github.upgradejunit.openstack.simulator;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** OpenSSH public keys for Nova's keypairs: validation, fingerprints and generated keys. */
final class SshKeys {

  private static final List<String> KEY_TYPES = List.of("ssh-rsa", "ssh-ed25519", "ssh-dss",
      "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521");

  /** A generated key: the OpenSSH public line and the PKCS#8 PEM private key. */
  record Generated(String publicKey, String privateKey) {
  }

  private SshKeys() {
  }

  /** Nova's MD5 fingerprint ({@code aa:bb:...}) of an OpenSSH public key, or null if invalid. */
  static String fingerprintOrNull(String publicKey) {
    if (publicKey == null) {
      return null;
    }
    String[] parts = publicKey.trim().split("\\s+");
    if (parts.length < 2 || !KEY_TYPES.contains(parts[0])) {
      return null;
    }
    try {
      return fingerprint(Base64.getDecoder().decode(parts[1]));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String fingerprint(byte[] blob) {
    try {
      byte[] md5 = MessageDigest.getInstance("MD5").digest(blob);
      String hex = HexFormat.of().formatHex(md5);
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < hex.length(); i += 2) {
        if (i > 0) {
          out.append(':');
        }
        out.append(hex, i, i + 2);
      }
      return out.toString();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("MD5 is not available", e);
    }
  }

  /** A fresh Ed25519 key, as Nova generates one when no public key is given. */
  static Generated generate(String comment) {
    try {
      KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      byte[] encoded = pair.getPublic().getEncoded();
      byte[] raw = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
      ByteArrayOutputStream blob = new ByteArrayOutputStream();
      writeString(blob, "ssh-ed25519".getBytes(StandardCharsets.US_ASCII));
      writeString(blob, raw);
      String publicKey = "ssh-ed25519 " + Base64.getEncoder().encodeToString(blob.toByteArray())
          + " " + comment;
      String privateKey = "-----BEGIN PRIVATE KEY-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
              .encodeToString(pair.getPrivate().getEncoded())
          + "\n-----END PRIVATE KEY-----\n";
      return new Generated(publicKey, privateKey);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is not available", e);
    }
  }

  private static void writeString(ByteArrayOutputStream out, byte[] value) {
    out.writeBytes(ByteBuffer.allocate(4).putInt(value.length).array());
    out.writeBytes(value);
  }
}
