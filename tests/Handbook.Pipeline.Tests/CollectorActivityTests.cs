namespace Handbook.Pipeline.Tests;

/// <summary>
/// Readings of the collector's work (<see cref="CollectorActivity"/>, for <c>HANDBOOK_GC_STAGES=1</c>): the difference
/// of two is what ran between them, each collection counted once, by the oldest generation it collected.
/// </summary>
public class CollectorActivityTests
{
    [Fact]
    public void Given_two_readings_of_the_collector_When_one_is_taken_from_the_other_Then_each_collection_is_counted_once_by_its_oldest_generation()
    {
        // Given readings before and after one full, one gen1 and two gen0 collections
        var before = new CollectorActivity(Gen0Only: 3, Gen1Only: 1, Gen2: 2, TimeSpan.FromMilliseconds(10));
        var after = new CollectorActivity(Gen0Only: 5, Gen1Only: 2, Gen2: 3, TimeSpan.FromMilliseconds(35));

        // When
        var during = after.Since(before);

        // Then
        Assert.Equal(new CollectorActivity(2, 1, 1, TimeSpan.FromMilliseconds(25)), during);
    }

    [Fact]
    public void Given_a_full_collection_When_the_collector_is_read_before_and_after_it_Then_it_counts_as_a_full_collection()
    {
        // Given a reading before a forced full collection
        var before = CollectorActivity.Now();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);

        // When
        var during = CollectorActivity.Now().Since(before);

        // Then at least that one counts as full (tests running beside this one may collect too), and none is counted
        // below zero
        Assert.True(during.Gen2 >= 1, $"full collections: {during.Gen2}");
        Assert.True(during.Gen0Only >= 0 && during.Gen1Only >= 0, $"gen0 {during.Gen0Only}, gen1 {during.Gen1Only}");
        Assert.True(during.Paused > TimeSpan.Zero);
    }
}
