package tmsp.correlation.authoring.sigma;

import java.util.List;

/** A Sigma file the import will not turn into DRL, with every reason found (each naming the construct and where). */
public final class SigmaRefused extends RuntimeException {

    private final List<String> reasons;

    public SigmaRefused(List<String> reasons) {
        super(String.join("; ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
