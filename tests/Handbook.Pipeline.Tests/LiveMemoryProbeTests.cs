namespace Handbook.Pipeline.Tests;

using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;

/// <summary>
/// The memory probe of issue 9 (<see cref="LiveMemoryProbe"/>): off unless its variables are set, and when measuring,
/// one line per stage with the live set after a full collection; when asked, a pause before the named stage; when
/// counting, one line per stage with the collections that ran during it.
/// </summary>
public class LiveMemoryProbeTests
{
    [Fact]
    public void Given_no_variable_set_When_the_probe_is_made_Then_it_is_off()
    {
        // Given an environment without the probe's variables
        static string? Unset(string name) => null;

        // When
        var probe = LiveMemoryProbe.From(Unset, new StringWriter());

        // Then
        Assert.Same(LiveMemoryProbe.Off, probe);
    }

    [Fact]
    public async Task Given_a_measuring_probe_When_a_site_runs_Then_it_writes_the_live_set_after_each_stage_in_order()
    {
        // Given a site of two stages with a probe that measures
        using var output = new StringWriter();
        var probe = LiveMemoryProbe.From(name => name == "HANDBOOK_LIVE_MEMORY" ? "1" : null, output);
        var site = new Site { KeepsRunRecord = false, MemoryProbe = probe }.AddStages(new NamedStage("First"), new NamedStage("Second"));

        // When
        await site.RunAsync([]);

        // Then one line per stage, in stage order, each with the live set after the collection
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("live-memory First ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("live-memory Second ", lines[1], StringComparison.Ordinal);
        Assert.All(lines, line => Assert.Contains("-> collected: live ", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_a_probe_that_pauses_before_a_stage_When_a_site_runs_Then_it_writes_the_pause_before_that_stage_only()
    {
        // Given a probe that pauses (for no time) before the second stage and does not measure
        using var output = new StringWriter();
        var probe = new LiveMemoryProbe(measures: false, pausesBefore: "Second", output, TimeSpan.Zero);
        var site = new Site { KeepsRunRecord = false, MemoryProbe = probe }.AddStages(new NamedStage("First"), new NamedStage("Second"));

        // When
        await site.RunAsync([]);

        // Then one line, naming that stage and this process
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith($"paused before Second: process {Environment.ProcessId},", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_probe_that_counts_collections_When_a_site_runs_Then_it_writes_each_stage_s_collections_and_nothing_else()
    {
        // Given a site whose first stage forces a full collection, and a probe that only counts collections
        using var output = new StringWriter();
        var probe = LiveMemoryProbe.From(name => name == "HANDBOOK_GC_STAGES" ? "1" : null, output);
        var site = new Site { KeepsRunRecord = false, MemoryProbe = probe }.AddStages(new CollectingStage("Collects"), new NamedStage("Quiet"));

        // When
        await site.RunAsync([]);

        // Then one line per stage and no live-set line (the probe measures nothing else); the forced collection counts
        // as a full one in the first stage's line (other tests of this process may collect too, so only "at least")
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Matches(@"^gc-stage Collects +gen0 +\d+ gen1 +\d+ gen2 +[1-9]\d* paused +\d+\.\d ms$", lines[0]);
        Assert.Matches(@"^gc-stage Quiet +gen0 +\d+ gen1 +\d+ gen2 +\d+ paused +\d+\.\d ms$", lines[1]);
    }

    private sealed class CollectingStage(string name) : IStage
    {
        public string Name => name;

        public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            return Task.FromResult(documents);
        }
    }

    private sealed class NamedStage(string name) : IStage
    {
        public string Name => name;

        public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context) =>
            Task.FromResult(documents);
    }
}
