package tmsp.mitigation.internal;

/** More arrived than the store takes for this kind of file (answered 413); nothing was kept. */
class FileTooLarge extends RuntimeException {

    private final long limit;

    FileTooLarge(long limit) {
        super("The file is larger than " + limit + " bytes");
        this.limit = limit;
    }

    long limit() {
        return limit;
    }
}
