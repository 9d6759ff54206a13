package io.github.upgradejunit.internal.analysis;

import java.util.List;

/**
 * What one runner (vantage point) saw of one service, when several runners probed it in one run.
 *
 * @param runner the runner's name ({@code upgrade.runner.name})
 * @param samples its probe samples, all phases
 * @param failedSamples failed ones among them
 * @param outages the outages in its own samples, in time order, each with the runners that saw it
 * @param downtime its outages summed
 */
public record VantagePoint(String runner, int samples, int failedSamples, List<Sighting> outages,
    Downtime downtime) {

  /** Copies the list. */
  public VantagePoint {
    outages = List.copyOf(outages);
  }

  /** The outages only some vantage points saw. */
  public List<Sighting> partial() {
    return outages.stream().filter(o -> !o.everyVantagePoint()).toList();
  }

  /**
   * One outage as one vantage point saw it.
   *
   * @param outage the outage in this vantage point's samples
   * @param seenBy the runners whose own outages overlap it, this one included, sorted
   * @param everyVantagePoint whether every runner that probed the service saw it: an outage of
   *     the service; otherwise it points at the network between the runner and the service
   */
  public record Sighting(Outage outage, List<String> seenBy, boolean everyVantagePoint) {

    /** Copies the list. */
    public Sighting {
      seenBy = List.copyOf(seenBy);
    }
  }
}
