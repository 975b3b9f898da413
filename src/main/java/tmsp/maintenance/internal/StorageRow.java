package tmsp.maintenance.internal;

/** One kind of data on the page: its label, how many days it is kept (the default too) and what it uses now. */
record StorageRow(String kind, String label, int days, int defaultDays, long bytes) {

    private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB"};

    /** 1024-based, one decimal from KB on: "0 B", "8.0 KB", "1.5 GB". */
    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }

    public String size() {
        return human(bytes);
    }
}
