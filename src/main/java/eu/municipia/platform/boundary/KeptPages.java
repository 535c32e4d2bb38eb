package eu.municipia.platform.boundary;

import eu.municipia.platform.control.Countries;
import eu.municipia.platform.control.Languages;
import eu.municipia.platform.control.ReadCache;
import eu.municipia.tenancy.entity.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Whole public pages for anonymous readers, kept in {@link ReadCache} under the association's read
 * version like the API's lists: the page is rendered by Faces once, and the next anonymous reader
 * of the same address gets the same bytes while nothing it shows has changed. Rendering was most of
 * the directory page's time (JFR: building the view 22 %, its two repeated tables 33 % of the
 * samples, with the data already answered from memory).
 *
 * <p>Only the pages in {@link #PAGES}: each of them shows nothing but the association's record, its
 * country's terms, the bundle's texts, and rows of tables that count in the read version (the
 * members, the register, the colour and logo). The record and the country are part of the key, so a
 * renamed association is seen as soon as the uncached page would see it. A page that shows anything
 * else (articles, seminars) must not be added here.
 *
 * <p>Only for a reader who is no one: a GET with no principal, no credentials and no cookie but the
 * language's, so that no page of a logged-in person, no flash message and no session is ever kept
 * or served. A rendering that sets a cookie, opens a session, or answers anything but 200 is sent
 * as it is and not kept.
 */
@ApplicationScoped
public class KeptPages {

  /** Paths within an association (as TenantFilter routes them) whose pages may be kept. */
  static final Set<String> PAGES = Set.of("/directory", "/coverage");

  /** A rendered page: its content type, the headers the rendering set, and its bytes. */
  record Page(String contentType, List<String[]> headers, byte[] body) {}

  @Inject ReadCache cache;
  @Inject Countries countries;

  /** Whether this request to this page (path within its association) may be answered kept. */
  public boolean applies(HttpServletRequest request, String pathWithinTenant) {
    return PAGES.contains(pathWithinTenant)
        && "GET".equals(request.getMethod())
        && request.getUserPrincipal() == null
        && request.getHeader("Authorization") == null
        && request.getParameter(Languages.PARAMETER) == null
        && onlyTheLanguageCookie(request.getCookies());
  }

  /**
   * Answers with the kept page for this address, or renders the view (forwarding to it, as
   * TenantFilter does for every page) and keeps what it rendered when that may be kept.
   */
  public void forward(
      HttpServletRequest request,
      HttpServletResponse response,
      Tenant tenant,
      String pathWithinTenant,
      String urlPrefix,
      String view)
      throws IOException, ServletException {
    ReadCache.Key key =
        new ReadCache.Key(
            tenant.id(),
            "page",
            List.of(
                pathWithinTenant,
                Objects.toString(request.getQueryString(), ""),
                Languages.of(request),
                request.getServerName(),
                request.getContextPath(),
                urlPrefix,
                tenant,
                countries.find(tenant.country()).map(Object.class::cast).orElse("")));
    Capture[] rendered = new Capture[1];
    Page page;
    try {
      page =
          cache.get(
              key,
              () -> {
                Capture capture = new Capture(response);
                rendered[0] = capture;
                try {
                  request.getRequestDispatcher(view).forward(request, capture);
                  capture.finish();
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                } catch (ServletException e) {
                  throw new Rendering(e);
                }
                return capture.keepable() && request.getSession(false) == null
                    ? capture.page()
                    : null;
              });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } catch (Rendering e) {
      throw e.failure;
    }
    if (rendered[0] == null) {
      write(page, response);
      return;
    }
    // Rendered now: its status and headers are already on the response, its body held back.
    if (page != null) {
      cache.keepWritten(page, page.body());
    }
    rendered[0].sendAsIs();
  }

  /** A kept page, as it was rendered the first time. */
  private static void write(Page page, HttpServletResponse response) throws IOException {
    for (String[] header : page.headers()) {
      response.addHeader(header[0], header[1]);
    }
    response.setContentType(page.contentType());
    response.setContentLength(page.body().length);
    response.getOutputStream().write(page.body());
  }

  static boolean onlyTheLanguageCookie(Cookie[] cookies) {
    if (cookies == null) {
      return true;
    }
    for (Cookie cookie : cookies) {
      if (!Languages.COOKIE.equals(cookie.getName())) {
        return false;
      }
    }
    return true;
  }

  /** A ServletException out of the rendering, carried through the cache's Supplier. */
  private static final class Rendering extends RuntimeException {
    final ServletException failure;

    Rendering(ServletException failure) {
      super(failure);
      this.failure = failure;
    }
  }

  /**
   * The response as the view renders it, held back: its body in memory, its status and headers
   * passed on (they are the real response's), except that anything that ends the answer another way
   * (an error, a redirect) or sets a cookie makes it a page not to keep.
   */
  static final class Capture extends HttpServletResponseWrapper {

    private final ByteArrayOutputStream body = new ByteArrayOutputStream(32 * 1024);
    private final List<String[]> headers = new ArrayList<>();
    private PrintWriter writer;
    private ServletOutputStream stream;
    private int status = HttpServletResponse.SC_OK;
    private boolean cookie;
    private boolean elsewhere;

    Capture(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setStatus(int sc) {
      status = sc;
      super.setStatus(sc);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
      elsewhere = true;
      super.sendError(sc, msg);
    }

    @Override
    public void sendError(int sc) throws IOException {
      elsewhere = true;
      super.sendError(sc);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
      elsewhere = true;
      super.sendRedirect(location);
    }

    @Override
    public void addCookie(Cookie c) {
      cookie = true;
      super.addCookie(c);
    }

    @Override
    public void setHeader(String name, String value) {
      remember(name, value, true);
      super.setHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
      remember(name, value, false);
      super.addHeader(name, value);
    }

    private void remember(String name, String value, boolean replace) {
      if ("Set-Cookie".equalsIgnoreCase(name)) {
        cookie = true;
        return;
      }
      if (replace) {
        headers.removeIf(h -> h[0].equalsIgnoreCase(name));
      }
      headers.add(new String[] {name, value});
    }

    @Override
    public ServletOutputStream getOutputStream() {
      if (writer != null) {
        throw new IllegalStateException("getWriter() was called before");
      }
      if (stream == null) {
        stream =
            new ServletOutputStream() {
              @Override
              public void write(int b) {
                body.write(b);
              }

              @Override
              public void write(byte[] b, int off, int len) {
                body.write(b, off, len);
              }

              @Override
              public boolean isReady() {
                return true;
              }

              @Override
              public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException("a kept page is written at once");
              }
            };
      }
      return stream;
    }

    @Override
    public PrintWriter getWriter() {
      if (stream != null) {
        throw new IllegalStateException("getOutputStream() was called before");
      }
      if (writer == null) {
        writer =
            new PrintWriter(
                new OutputStreamWriter(body, Charset.forName(getCharacterEncoding())), false);
      }
      return writer;
    }

    /** Held back until the page is whole: nothing reaches the client before it is kept. */
    @Override
    public void flushBuffer() {
      if (writer != null) {
        writer.flush();
      }
    }

    @Override
    public boolean isCommitted() {
      return elsewhere || super.isCommitted();
    }

    @Override
    public void resetBuffer() {
      flushBuffer();
      body.reset();
      super.resetBuffer();
    }

    @Override
    public void reset() {
      flushBuffer();
      body.reset();
      headers.clear();
      status = HttpServletResponse.SC_OK;
      super.reset();
    }

    @Override
    public void setContentLength(int len) {
      // The length of what is kept is set when it is written.
    }

    @Override
    public void setContentLengthLong(long len) {
      // As above.
    }

    void finish() {
      flushBuffer();
    }

    boolean keepable() {
      return !elsewhere
          && !cookie
          && status == HttpServletResponse.SC_OK
          && getContentType() != null;
    }

    Page page() {
      return new Page(getContentType(), List.copyOf(headers), body.toByteArray());
    }

    /** A rendering not kept: its body goes out as it was rendered (unless it ended elsewhere). */
    void sendAsIs() throws IOException {
      finish();
      if (elsewhere) {
        return;
      }
      HttpServletResponse response = (HttpServletResponse) getResponse();
      response.setContentLength(body.size());
      body.writeTo(response.getOutputStream());
    }
  }
}
