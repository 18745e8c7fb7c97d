namespace Handbook.JobFamilies.Tests.Extends;

using Handbook.JobFamilies.Extends;

/// <summary>
/// <see cref="WordingMatch"/> keeps its groups in slots chosen by name (it used a dictionary): every group name the
/// statement builder reads must land in its own slot, and names it does not know stay unsuccessful.
/// </summary>
public sealed class WordingMatchTests
{
    [Fact]
    public void Each_group_name_reads_back_its_own_capture_and_no_other()
    {
        const string text = "Extends that of the Senior Widget Manager responsibilities";
        var names = WordingMatch.GroupNames;
        for (var i = 0; i < names.Count; i++)
        {
            // Given a match capturing only one group
            var match = WordingMatch.Of(text, (names[i], i, i + 1));

            // Then that group reads back its capture and every other group is unsuccessful and empty
            foreach (var name in names)
            {
                var group = match.Group(name);
                Assert.Equal(name == names[i], group.Success);
                Assert.Equal(name == names[i] ? text.Substring(i, i + 1) : string.Empty, group.Value);
            }
        }
    }

    [Fact]
    public void A_later_capture_of_a_name_replaces_the_earlier_one_and_unknown_names_are_unsuccessful()
    {
        // Given two captures of "t" and one of a name no wording has
        var match = WordingMatch.Of("abcdef", ("t", 0, 2), ("t", 3, 2), ("other", 0, 1));

        // Then the last capture wins, and the unknown name reads as not captured
        Assert.Equal("de", match.Group("t").Value);
        Assert.False(match.Group("other").Success);
    }
}
