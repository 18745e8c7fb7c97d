namespace Handbook.Pipeline.Tests.Memory;

using Handbook.Pipeline.Memory;

public class HeapGrowthLimitTests
{
    private const long MiB = 1024 * 1024;

    [Theory]
    [InlineData(300, 0)] // a small site before its first full collection
    [InlineData(380, 100)] // below the smallest old generation looked at, however much is dead
    [InlineData(383, 0)]
    public void Given_the_old_generations_of_a_small_site_When_checked_Then_the_limit_is_never_exceeded(long oldMiB, long liveMiB) =>
        Assert.False(HeapGrowthLimit.Default.IsExceeded(oldMiB * MiB, liveMiB * MiB));

    [Theory]
    [InlineData(560, 500, false)] // 60 MiB above the live set: within 64 MiB
    [InlineData(565, 500, true)] // 65 MiB: beyond 64 MiB and beyond 10 % (50 MiB)
    [InlineData(1050, 1000, false)] // 50 MiB above a larger live set
    [InlineData(1090, 1000, false)] // 90 MiB: within 10 % of 1000 MiB (100 MiB)
    [InlineData(1110, 1000, true)]
    [InlineData(400, 0, true)] // a large site before its first full collection: all of it may be dead
    public void Given_a_large_site_When_its_old_generations_grow_above_the_live_set_Then_the_limit_is_exceeded_beyond_the_slack(long oldMiB, long liveMiB, bool exceeded) =>
        Assert.Equal(exceeded, HeapGrowthLimit.Default.IsExceeded(oldMiB * MiB, liveMiB * MiB));
}
