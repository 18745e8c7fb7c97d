namespace Handbook.JobFamilies.Parsing;

/// <summary>
/// Whether a heading's title names a team or product area ("Distribution:Build", "Geo", "CI/CD", "Engineering
/// Productivity", "Ops and Enablement") rather than a role: no rank word anywhere in it and no role noun at its end.
/// </summary>
/// <remarks>
/// Why: Hugo-era engineering pages list their specialties without a Specialties heading – under "## Hiring Process"
/// (development/backend/_index.md), after the page's own level under "## Levels" (the backend level pages) or under the
/// page's "## Responsibilities" (management/distinguished.md). Read as levels they were gradeless fake levels (18 to 21
/// a page) and, where they were the only "levels", the page's own graded role was dropped from the export. A level is
/// named by a rank ("Senior", "Intermediate") or ends in what the person is ("… Engineer", "… Manager"); a team name
/// does neither.
/// </remarks>
internal static class TeamHeading
{
    private static readonly HashSet<string> RankWords = new(StringComparer.Ordinal)
    {
        "junior", "associate", "intermediate", "senior", "staff", "principal", "distinguished", "lead", "manager",
        "director", "vp", "vice", "head", "chief", "intern", "fellow", "executive", "president", "sr", "jr",
    };

    private static readonly HashSet<string> RoleNouns = new(StringComparer.Ordinal)
    {
        "engineer", "manager", "analyst", "director", "architect", "administrator", "specialist", "lead", "representative",
        "designer", "developer", "accountant", "scientist", "evangelist", "associate", "coordinator", "consultant",
        "officer", "president", "head", "instructor", "writer", "recruiter", "sourcer", "counsel", "auditor", "controller",
        "advocate", "executive", "owner", "agent", "strategist", "planner", "researcher", "technician", "intern", "fellow",
        "partner", "member", "expert", "programmer", "clerk", "assistant", "editor", "buyer", "paralegal", "generalist",
        "tester", "reviewer", "trainer", "leader", "chief", "admin", "ceo", "cto", "cfo", "vp", "sdr", "bdr", "csm", "tam",
    };

    private static readonly char[] Separators = [.. " \t,;:()[]/&-–—.'\"*_!?".ToCharArray()];

    /// <summary>True when <paramref name="title"/> has words, none a rank word, and its last word is no role noun.</summary>
    public static bool NamesNoRole(string title)
    {
        var words = title.ToLowerInvariant().Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || words.Any(RankWords.Contains))
        {
            return false;
        }

        var last = words[^1];
        return !RoleNouns.Contains(last) && !(last.Length > 3 && last.EndsWith('s') && RoleNouns.Contains(last[..^1]));
    }
}
