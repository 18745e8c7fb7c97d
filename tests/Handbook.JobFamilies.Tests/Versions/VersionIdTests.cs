namespace Handbook.JobFamilies.Tests.Versions;

using Handbook.JobFamilies.Versions;

public sealed class VersionIdTests
{
    [Fact]
    public void The_id_is_the_UTC_date_and_the_short_sha()
    {
        var date = new DateTimeOffset(2022, 9, 15, 18, 30, 0, TimeSpan.Zero);

        Assert.Equal("2022-09-15-e66952b", VersionId.Create(date, "e66952bc7b0f00000000000000000000000000aa"));
    }

    [Fact]
    public void A_late_evening_commit_west_of_UTC_gets_the_next_UTC_day()
    {
        // 22:30 at UTC-5 is 03:30 the next day in UTC: the id must not depend on the committer's time zone.
        var date = new DateTimeOffset(2022, 9, 14, 22, 30, 0, TimeSpan.FromHours(-5));

        Assert.Equal("2022-09-15-abcdef1", VersionId.Create(date, "ABCDEF1234"));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("not-a-sha")]
    public void A_value_that_is_not_a_sha_is_a_caller_bug(string sha) =>
        Assert.Throws<ArgumentException>(() => VersionId.Create(DateTimeOffset.UnixEpoch, sha));
}
