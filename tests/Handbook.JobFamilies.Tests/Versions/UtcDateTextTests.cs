namespace Handbook.JobFamilies.Tests.Versions;

using System.Globalization;
using CsCheck;
using Handbook.JobFamilies.Versions;

/// <summary>
/// Version ids, days and RFC 3339 times are written digit by digit (<see cref="UtcDateText"/>; issue 9: the custom
/// format strings they replace were compiled at run time in every versioned build). The text must be the invariant
/// custom formats' (the oracle) for every date a DateTime holds.
/// </summary>
public sealed class UtcDateTextTests
{
    [Theory]
    [InlineData(2022, 9, 15, 18, 30, 5, "2022-09-15", "2022-09-15T18:30:05Z")]
    [InlineData(1, 1, 1, 0, 0, 0, "0001-01-01", "0001-01-01T00:00:00Z")]
    [InlineData(999, 12, 31, 23, 59, 59, "0999-12-31", "0999-12-31T23:59:59Z")]
    [InlineData(9999, 12, 31, 23, 59, 59, "9999-12-31", "9999-12-31T23:59:59Z")]
    public void Given_a_date_When_written_Then_it_is_the_day_and_the_time_to_the_second(int year, int month, int day, int hour, int minute, int second, string expectedDay, string expectedIso)
    {
        var date = new DateTime(year, month, day, hour, minute, second, 999, DateTimeKind.Utc);

        Assert.Equal(expectedDay, UtcDateText.Day(date));
        Assert.Equal(expectedIso, UtcDateText.Iso(date));
    }

    [Fact]
    public void Given_any_date_When_written_Then_the_texts_are_the_invariant_custom_formats()
    {
        Gen.Long[DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks].Select(ticks => new DateTime(ticks, DateTimeKind.Utc)).Sample(date =>
        {
            Assert.Equal(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), UtcDateText.Day(date));
            Assert.Equal(date.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), UtcDateText.Iso(date));
        }, iter: 100_000);
    }

    [Fact]
    public void Given_any_commit_date_with_an_offset_When_its_version_id_is_made_Then_it_is_the_UTC_day_of_the_custom_format()
    {
        Gen.Select(Gen.Long[new DateTime(1970, 1, 2).Ticks, new DateTime(2200, 1, 1).Ticks], Gen.Int[-14 * 60, 14 * 60]).Sample((ticks, minutes) =>
        {
            var date = new DateTimeOffset(new DateTime(ticks, DateTimeKind.Unspecified), TimeSpan.FromMinutes(minutes));
            Assert.Equal(date.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "-abcdef1", VersionId.Create(date, "ABCDEF1234"));
        }, iter: 20_000);
    }
}
