package se.malspar.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import se.malspar.kernel.common.Refusal;
import se.malspar.platform.web.PayloadTooLargeException;
import se.malspar.platform.web.Problems;

import java.io.IOException;

/**
 * Request bodies above {@code malspar.security.max-request-size} (256 KiB by default) get 413
 * before they are read whole: at once when Content-Length says so, otherwise as soon as the
 * streamed body passes the limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    /** The one path with a larger limit of its own (malspar.security.max-kolada-upload-size). */
    static final String KOLADA_UPLOAD = "/api/admin/imports/kolada";

    private final long globalLimit;
    private final long koladaLimit;
    private final ObjectMapper objectMapper;

    RequestSizeLimitFilter(MalsparSecurityProperties properties, ObjectMapper objectMapper) {
        this.globalLimit = properties.maxRequestSize().toBytes();
        this.koladaLimit = properties.maxKoladaUploadSize().toBytes();
        this.objectMapper = objectMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = "POST".equals(request.getMethod()) && KOLADA_UPLOAD.equals(request.getRequestURI())
                ? koladaLimit : globalLimit;
        if (request.getContentLengthLong() > limit) {
            response.setStatus(413);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setHeader("Connection", "close");
            objectMapper.writeValue(response.getOutputStream(), Problems.at(Problems.problem(Refusal.PAYLOAD_TOO_LARGE,
                    "the request body is larger than the limit of " + limit + " bytes"), request));
            return;
        }
        chain.doFilter(new Limited(request, limit), response);
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws PayloadTooLargeException {
                        read += n;
                        if (read > limit) {
                            throw new PayloadTooLargeException(limit);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
