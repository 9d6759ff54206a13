package io.github.upgradejunit.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.apiguardian.api.API;

/**
 * Why a probe call or check failed, in the classes an operator tells apart: the network path
 * ({@link #DNS}, {@link #CONNECT}, {@link #TLS}), slowness ({@link #TIMEOUT}), and what the API
 * answered ({@link #HTTP_401}, {@link #HTTP_4XX}, {@link #HTTP_5XX}, {@link #BAD_BODY}).
 * A change of class starts a new outage interval.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum ErrorClass {
  /** The host name did not resolve. */
  DNS,
  /** The connection was refused, reset or could not be routed. */
  CONNECT,
  /** The TLS handshake failed. */
  TLS,
  /** No complete answer within the deadline. */
  TIMEOUT,
  /** Authentication was refused (an expired or revoked token, or a Keystone outage behind it). */
  HTTP_401,
  /** Any other 4xx answer. */
  HTTP_4XX,
  /** A 5xx answer: the API is there but broken. */
  HTTP_5XX,
  /** A 2xx answer whose body was not what the API promises (HTML, truncated JSON, ...). */
  BAD_BODY,
  /** Anything else; the sample's detail says what. */
  OTHER;

  /** The class of a non-success HTTP status. */
  public static ErrorClass ofStatus(int status) {
    if (status == 401) {
      return HTTP_401;
    }
    if (status >= 500) {
      return HTTP_5XX;
    }
    if (status >= 400) {
      return HTTP_4XX;
    }
    return OTHER;
  }

  /** The class of an exception thrown by a call, looking through its causes. */
  public static ErrorClass of(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof UnknownHostException) {
        return DNS;
      }
      if (t instanceof HttpConnectTimeoutException) {
        return CONNECT;
      }
      if (t instanceof SocketTimeoutException || t instanceof HttpTimeoutException
          || t instanceof TimeoutException) {
        return TIMEOUT;
      }
      if (t instanceof SSLException) {
        return TLS;
      }
      if (t instanceof ConnectException || t instanceof NoRouteToHostException
          || t instanceof java.net.SocketException || t instanceof java.io.EOFException) {
        return CONNECT;
      }
      if (t instanceof InterruptedIOException) {
        return TIMEOUT;
      }
      if (t instanceof com.fasterxml.jackson.core.JsonProcessingException) {
        return BAD_BODY;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return OTHER;
  }
}
