package se.malspar.command.kolada;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code malspar.kolada.*}: the Kolada area ids the import maps (Vaggeryd, Jönköpings län, riket)
 * and where {@code /fetch} reads from. An empty {@code base-url} switches fetching off (503);
 * uploading a file works without it.
 */
@ConfigurationProperties(prefix = "malspar.kolada")
class KoladaProperties {

    /** The municipality whose figure becomes the measurement (Vaggeryd). */
    private String municipality = "0665";
    /** The area whose figure becomes the COUNTY reference value (Jönköpings län). */
    private String county = "0006";
    /** The area whose figure becomes the NATIONAL reference value (riket). */
    private String national = "0000";
    /** Kolada's v3 API; {@code /data/kpi/…/municipality/…} is appended. */
    private String baseUrl = "https://api.kolada.se/v3";
    private Duration timeout = Duration.ofSeconds(30);
    /** Pages followed through {@code next_url} before the fetch gives up. */
    private int maxPages = 20;
    /** Bytes read from Kolada per page. */
    private long maxResponseBytes = 8L * 1024 * 1024;

    public String getMunicipality() {
        return municipality;
    }

    public void setMunicipality(String municipality) {
        this.municipality = municipality;
    }

    public String getCounty() {
        return county;
    }

    public void setCounty(String county) {
        this.county = county;
    }

    public String getNational() {
        return national;
    }

    public void setNational(String national) {
        this.national = national;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public int getMaxPages() {
        return maxPages;
    }

    public void setMaxPages(int maxPages) {
        this.maxPages = maxPages;
    }

    public long getMaxResponseBytes() {
        return maxResponseBytes;
    }

    public void setMaxResponseBytes(long maxResponseBytes) {
        this.maxResponseBytes = maxResponseBytes;
    }
}
