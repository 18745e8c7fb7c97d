namespace Handbook.JobFamilies.Tests.Extends;

using System.Text.RegularExpressions;
using Handbook.Pipeline.Limits;

/// <summary>
/// The oracle: the recogniser's wording patterns exactly as they were when they ran as generated code (commit 3e151aa),
/// with the section-word list and the statement ending of that commit. Under the JIT the recogniser now runs them through
/// the interpreter (<c>RecognizerPattern</c>) and "Extends X" through a hand-written matcher; both are compared with these.
/// Do not edit these to follow a change of the recogniser: a change of behaviour must show up as a failing test.
/// </summary>
public static partial class ExtendsOraclePatterns
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private const string Word =
        @"(?:responsib\w*|resp\w*bilit\w*|respons\w*ilit\w*|requir\w*|requi\w*ments?|performance\s+indicators?|kpis?|pis|nice[- ]to[- ]haves?|job\s+descriptions?|duties)";

    private const string S = Word + @"(?:(?:\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+)" + Word + ")*";

    private const string End =
        @"(?<x>(?:,?\s*\bplus\b|,?\s*\band\s+(?:also|include|includes|is)\b|,?\s+(?:with|by|through|as\s+well\s+as|but|while|in\s+addition|in\s+complexity|in\s+scope)\b|\s+articulated\s+here|\s+(?:listed|outlined|defined|described)\s+above|\s+(?:role|position)s?\b|\s*[.:;,]\s*$).*)?";

    private const string Art = @"(?:(?:the|a|an)\s+)?";

    /// <summary>Wording name (as the recogniser names it) → its oracle pattern.</summary>
    public static IReadOnlyDictionary<string, Regex> ByWording { get; } = new Dictionary<string, Regex>
    {
        ["extends-colon"] = ExtendsColonRegex(),
        ["extends-general"] = ExtendsGeneralRegex(),
        ["extends-sections-of"] = ExtendsSectionsOfRegex(),
        ["extends-sections-above"] = ExtendsSectionsAboveRegex(),
        ["extends-name"] = ExtendsNameRegex(),
        ["role-extends-sections-of"] = SentenceExtendsSectionsOfRegex(),
        ["role-extends-sections-above"] = SentenceExtendsSectionsAboveRegex(),
        ["role-extends-name"] = SentenceExtendsNameRegex(),
        ["includes-all-above"] = IncludesAllAboveRegex(),
        ["includes-all-of-role"] = IncludesAllOfRegex(),
        ["includes-all-level-listed"] = IncludesAllLevelListedRegex(),
        ["shares-same-above"] = SharesSameAboveRegex(),
        ["shares-same-as"] = SharesSameAsRegex(),
        ["has-all-same-above"] = HasAllSameAboveRegex(),
        ["has-all-same-as"] = HasAllSameAsRegex(),
        ["has-same-as"] = HasSameAsRegex(),
        ["all-sections-of"] = AllSectionsOfRegex(),
        ["the-sections-of-plus"] = TheSectionsOfPlusRegex(),
        ["in-addition-above"] = InAdditionAboveRegex(),
        ["in-addition-for"] = InAdditionForRegex(),
        ["in-addition-corresponding"] = InAdditionCorrespondingRegex(),
        ["in-addition-above-for"] = InAdditionAboveForRegex(),
        ["same-as"] = SameAsRegex(),
        ["everything-in"] = EverythingInRegex(),
        ["inherits"] = InheritsRegex(),
        ["has-all-of"] = HasAllOfRegex(),
        ["in-addition-role-sections"] = InAdditionRoleSectionsRegex(),
        ["adheres-same-for"] = AdheresSameForRegex(),
        ["includes-linked-sections"] = IncludesLinkedSectionsRegex(),
        ["must-meet-sections-for"] = MustMeetSectionsForRegex(),
        ["sections-for-extend"] = SectionsForExtendRegex(),
        ["role-sections-plus"] = RoleSectionsPlusRegex(),
        ["sections-extend-those-of"] = SectionsExtendThoseOfRegex(),
        ["extends-to-that-of"] = ExtendsToThatOfRegex(),
        ["all-sections-listed-for"] = AllSectionsListedForRegex(),
        ["all-sections-listed-above"] = AllSectionsListedAboveRegex(),
    };

    /// <summary>The helper patterns of the recogniser that embed the section list or ran as generated code, by name.</summary>
    public static IReadOnlyDictionary<string, Regex> Helpers { get; } = new Dictionary<string, Regex>
    {
        ["SubjectSection"] = SubjectSectionRegex(),
        ["ExtraLead"] = ExtraLeadRegex(),
        ["Continuation"] = ContinuationRegex(),
    };

    [GeneratedRegex(@"^extends\s*:\s*(?<strong>)(?<key>(?<t>.+?))(?<x>[.;]?)$", Options, RegexLimits.MatchTimeoutMilliseconds)]
    public static partial Regex ExtendsColonRegex();

    [GeneratedRegex(@"^extends\s+(?:that\s+of\s+)?(?:the\s+)?(?<general>general)\s+(?<s>" + S + @")\b(?<x>.*)$", Options, RegexLimits.MatchTimeoutMilliseconds)]
    public static partial Regex ExtendsGeneralRegex();

    [GeneratedRegex(@"^extends\s+(?:all\s+(?:of\s+)?)?(?:the\s+)?(?<key>(?<s>" + S + @")\s+of\s+" + Art + @"(?<t>.+?))" + End + "$", Options, RegexLimits.MatchTimeoutMilliseconds)]
    public static partial Regex ExtendsSectionsOfRegex();

    [GeneratedRegex(@"^extends\s+(?:the\s+)?(?<key>(?<s>" + S + @")\s+(?:section\s+)?(?<pos>above))(?<x>.*)$", Options, RegexLimits.MatchTimeoutMilliseconds)]
    public static partial Regex ExtendsSectionsAboveRegex();

    [GeneratedRegex(@"^extends\s+(?:either\s+)?(?<strong>that\s+of\s+|that\s+)?(?:the\s+|thet\s+)?(?<key>(?<t>.+?))(?:\s+(?<s>" + S + @"))?" + End + "$", Options, RegexLimits.MatchTimeoutMilliseconds)]
    public static partial Regex ExtendsNameRegex();

    [GeneratedRegex(@"^(?<subj>(?:the|this|it|that)\b.*?|.*?\band)\s+(?<verb>extends?)\s+(?:the\s+)?(?<key>(?<s>" + S + @")\s+of\s+" + Art + @"(?<t>.+?))" + End + "$", Options, RegexLimits.MatchTimeoutMilliseconds)]
    public static partial Regex SentenceExtendsSectionsOfRegex();

    [GeneratedRegex(@"^(?<subj>(?:the|this|it|that)\b.*?)\s+(?<verb>extends?)\s+(?:the\s+)?(?<key>(?<s>" + S + @")\s+(?:section\s+)?(?<pos>above))(?<x>.*)$", Options, RegexLimits.MatchTimeoutMilliseconds)]
    public static partial Regex SentenceExtendsSectionsAboveRegex();

    [GeneratedRegex(@"^(?i:(?<subj>(?:the|this|it|that)\b.*?|.*?\band)\s+(?<verb>extends?)\s+(?:either\s+)?(?<strong>that\s+of\s+)?(?:the\s+)?)(?<key>(?<t>[\p{Lu}\d].*?))(?i:(?:\s+(?<s>" + S + @"))?" + End + ")$", RegexOptions.CultureInvariant, RegexLimits.MatchTimeoutMilliseconds)]
    public static partial Regex SentenceExtendsNameRegex();

    [GeneratedRegex(@"^(?<subj>(?:(?:the|this)\b.*?)?)\s*\binclude[sd]?\s+all\s+(?:of\s+)?(?:the\s+)?(?<key>(?<s>" + S + @")\s+(?<pos>above|listed\s+above|outlined\s+above|defined\s+above|of\s+the\s+previous\s+levels?|from\s+the\s+previous\s+levels?|listed))(?<x>.*)$", Options, RegexLimits.MatchTimeoutMilliseconds)]
    public static partial Regex IncludesAllAboveRegex();

    [GeneratedRegex(@"^(?<subj>(?:(?:the|this)\b.*?)?)\s*\binclude[sd]?\s+all\s+(?:of\s+)?(?:the\s+)?(?<s>" + S + @")\s+(?:for|of)\s+" + Art + @"(?<key>(?<t>.+?))" + End + "$", Options, RegexLimits.MatchTimeoutMilliseconds)]
    public static partial Regex IncludesAllOfRegex();

    [GeneratedRegex(@"^(?<subj>(?:(?:the|this)\b.*?)?)\s*\binclude[sd]?\s+all\s+(?:of\s+)?(?:the\s+)?(?<key>(?<t>.+?)\s+levels?\s+(?<s>" + S + @")\s+listed)(?<x>.*)$", Options, RegexLimits.MatchTimeoutMilliseconds)]
    public static partial Regex IncludesAllLevelListedRegex();

    [GeneratedRegex(@"^(?<subj>.*?)\bshar(?:e|es|ing)\s+the\s+same\s+(?<key>(?<s>" + S + @")\s+(?<pos>(?:outlined|listed|defined|described)\s+above))(?<x>.*)$", Options, RegexLimits.MatchTimeoutMilliseconds)]
    public static partial Regex SharesSameAboveRegex();

    [GeneratedRegex(@"^(?<subj>.*?)\bshar(?:e|es|ing)\s+the\s+same\s+(?<s>" + S + @")\s+as\s+(?:other\s+)?" + Art + @"(?<key>(?<t>.+?))" + End + "$", Options, RegexLimits.MatchTimeoutMilliseconds)]
    public static partial Regex SharesSameAsRegex();

    [GeneratedRegex(@"^(?<subj>.*?)\bha(?:s|ve)\s+all\s+(?:of\s+)?the\s+same\s+(?<s>" + S + @")\s+as\s+(?<key>(?<pos>the\s+ones\s+(?:outlined|listed|defined)\s+above|the\s+intermediate\s+(?:position|level|role)))(?<x>.*)$", Options, RegexLimits.MatchTimeoutMilliseconds)]
    public static partial Regex HasAllSameAboveRegex();

    [GeneratedRegex(@"^(?<subj>.*?)\bha(?:s|ve)\s+all\s+(?:of\s+)?the\s+same\s+(?<s>" + S + @")\s+as\s+(?:other\s+)?" + Art + @"(?<key>(?<t>.+?))" + End + "$", Options, RegexLimits.MatchTimeoutMilliseconds)]
    public static partial Regex HasAllSameAsRegex();

    [GeneratedRegex(@"^(?<subj>.*?)\bha(?:s|ve)\s+the\s+same\s+(?<s>" + S + @")\s+as\s+(?:other\s+)?" + Art + @"(?<key>(?<t>.+?))" + End + "$", Options, RegexLimits.MatchTimeoutMilliseconds)]
    public static partial Regex HasSameAsRegex();

    [GeneratedRegex(@"^all\s+(?:of\s+)?(?:the\s+)?(?<s>" + S + @")\s+(?:of|for)\s+" + Art + @"(?<key>(?<t>.+?))(?:\s+at\s+(?:the\s+)?previous\s+levels?)?" + End + "$", Options, RegexLimits.MatchTimeoutMilliseconds)]
    public static partial Regex AllSectionsOfRegex();

    // Twenty-fifth session: "All of the responsibilities listed for X" and "All requirements listed above (applicable to all roles)".
    [GeneratedRegex(@"^all\s+(?:of\s+)?(?:the\s+)?(?<s>" + S + @")\s+(?:listed|outlined|defined|described)\s+(?:for|under)\s+" + Art + @"(?<key>(?<t>.+?))" + End + "$", Options, RegexLimits.MatchTimeoutMilliseconds)]
    public static partial Regex AllSectionsListedForRegex();

    [GeneratedRegex(@"^all\s+(?:of\s+)?(?:the\s+)?(?<key>(?<s>" + S + @")\s+(?<pos>(?:listed|outlined|defined|described)\s+above))(?:\s*\((?:(?<general>applicable\s+to\s+(?:all|every|each)\s+(?:roles?|levels?|positions?))|[^()]*)\))?(?<x>\s*(?:,?\s*\bplus\b.*|[.:;,])?\s*)$", Options, RegexLimits.MatchTimeoutMilliseconds)]
    public static partial Regex AllSectionsListedAboveRegex();

    [GeneratedRegex(@"^(?:the\s+)?(?<key>(?:same\s+)?(?<s>" + S + @")\s+of\s+" + Art + @"(?<t>.+?))(?<x>,?\s*\bplus\b.*)$", Options, RegexLimits.MatchTimeoutMilliseconds)]
    public static partial Regex TheSectionsOfPlusRegex();

    [GeneratedRegex(@"^in\s+addition\s+to\s+(?:the\s+same\s+|meeting\s+all\s+(?:of\s+)?the\s+|all\s+(?:of\s+)?the\s+|the\s+)?(?<key>(?<s>" + S + @")\s+(?<pos>(?:defined|listed|outlined|described)\s+above))\s*,\s*(?<x>.*)$", Options, RegexLimits.MatchTimeoutMilliseconds)]
    public static partial Regex InAdditionAboveRegex();

    [GeneratedRegex(@"^in\s+addition\s+to\s+(?:the\s+same\s+|meeting\s+all\s+(?:of\s+)?the\s+|all\s+(?:of\s+)?the\s+|the\s+)?(?:general\s+)?(?<s>" + S + @")\s+(?:(?:defined|listed|outlined|described)\s+above\s+)?(?:for|of)\s+" + Art + @"(?<key>(?<t>.+?))(?<x>(?:\s+specialty\b|\s+specialization\b|,\s+(?:the|this|a|an|they|he|she)\s|\s*:).*)$", Options, RegexLimits.MatchTimeoutMilliseconds)]
    public static partial Regex InAdditionForRegex();

    [GeneratedRegex(@"^in\s+addition\s+to\s+the\s+above\s+(?<s>" + S + @")\s+(?:for|of)\s+" + Art + @"(?<key>(?<t>.+?))(?<x>(?:,|:).*)$", Options, RegexLimits.MatchTimeoutMilliseconds)]
    public static partial Regex InAdditionAboveForRegex();

    [GeneratedRegex(@"^in\s+addition\s+to\s+the\s+(?<key>(?<t>corresponding\s+.+?))\s+(?<s>" + S + @")(?<x>.*)$", Options, RegexLimits.MatchTimeoutMilliseconds)]
    public static partial Regex InAdditionCorrespondingRegex();

    [GeneratedRegex(@"^(?:the\s+)?same\s+(?<s>" + S + @")\s+as\s+" + Art + @"(?<key>(?<t>.+?))(?:\s+(?:listed|outlined|defined)\s+above)?" + End + "$", Options, RegexLimits.MatchTimeoutMilliseconds)]
    public static partial Regex SameAsRegex();

    [GeneratedRegex(@"^everything\s+(?:in|under|from|of)\s+(?:the\s+)?(?<key>(?<t>.+?))(?:\s+roles?)?[""']?(?<x>,?\s*\bplus\b.*|,?\s*\band\s+also\b.*|[.:;]?)$", Options, RegexLimits.MatchTimeoutMilliseconds)]
    public static partial Regex EverythingInRegex();

    [GeneratedRegex(@"^(?<subj>.*?)\binherits\s+(?:all\s+(?:of\s+)?)?the\s+(?<s>" + S + @")\s+(?:of|from)\s+" + Art + @"(?<key>(?<t>.+?))" + End + "$", Options, RegexLimits.MatchTimeoutMilliseconds)]
    public static partial Regex InheritsRegex();

    [GeneratedRegex(@"^(?<subj>.*?)\b(?:has|have|meets|meet)\s+all\s+(?:of\s+)?the\s+(?<s>" + S + @")\s+(?:of|for)\s+" + Art + @"(?<key>(?<t>.+?))" + End + "$", Options, RegexLimits.MatchTimeoutMilliseconds)]
    public static partial Regex HasAllOfRegex();

    // Wordings added after 3e151aa (mm19): the oracle is the pattern as first written, as a generated regex.
    [GeneratedRegex(@"^in\s+addition\s+to\s+(?:the\s+|all\s+(?:of\s+)?the\s+)?(?:other\s+)?(?<key>(?<t>.+?))\s+(?<s>" + S + @")\s*,\s*(?<x>.*)$", Options, RegexLimits.MatchTimeoutMilliseconds)]
    public static partial Regex InAdditionRoleSectionsRegex();

    [GeneratedRegex(@"^(?<subj>.*?)\badher(?:e|es|ing)\s+to\s+(?:all\s+(?:of\s+)?)?the\s+same\s+(?<s>" + S + @")\s+(?:(?:listed|outlined|defined|described)\s+above\s+)?(?:for|of|as)\s+" + Art + @"(?<key>(?<t>.+?))" + End + "$", Options, RegexLimits.MatchTimeoutMilliseconds)]
    public static partial Regex AdheresSameForRegex();

    // Added in hugo20c.
    [GeneratedRegex(@"^include[sd]?\s+(?:the\s+)?(?<key>(?<t>.+?)(?:[-\s]+levels?)?\s+(?<s>" + S + @"))" + End + "$", Options, RegexLimits.MatchTimeoutMilliseconds)]
    public static partial Regex IncludesLinkedSectionsRegex();

    // hugo20a
    [GeneratedRegex(@"^(?<subj>.*?)\b(?:must|shall|should|will|to|also)\s+meet\s+the\s+(?<s>" + S + @")\s+(?:of|for)\s+" + Art + @"(?<key>(?<t>.+?))(?:\s*\(\s*or\s+(?:above|higher)\s*\))?" + End + "$", Options, RegexLimits.MatchTimeoutMilliseconds)]
    public static partial Regex MustMeetSectionsForRegex();

    // Wordings added by hugo20b (Hugo-era pages), as first written.
    [GeneratedRegex(@"^(?<subj>(?<s>" + S + @")\s+(?:for|of)\s+.+?)\s+(?<verb>extends?)\s+(?:that\s+of\s+)?(?:the\s+)?(?<key>(?<t>.+?))(?:\s+jobs?\b)?" + End + "$", Options, RegexLimits.MatchTimeoutMilliseconds)]
    public static partial Regex SectionsForExtendRegex();

    [GeneratedRegex(@"^(?:the\s+)?(?<key>(?<t>.+?)\s+(?<s>" + S + @"))(?<x>,?\s*\bplus\b.*)$", Options, RegexLimits.MatchTimeoutMilliseconds)]
    public static partial Regex RoleSectionsPlusRegex();

    // Added by hugo24a (Hugo-era engineering management pages), as first written.
    [GeneratedRegex(@"^(?<subj>.*?\b(?<s>" + S + @"))(?:\s+requirements?)?\s+(?<verb>extends?|match(?:es)?)\s+those\s+of\s+" + Art + @"(?<key>(?<t>.+?))" + End + "$", Options, RegexLimits.MatchTimeoutMilliseconds)]
    public static partial Regex SectionsExtendThoseOfRegex();

    [GeneratedRegex(@"^extends\s+to\s+(?<strong>that\s+of\s+)" + Art + @"(?<key>(?<t>.+?))(?:\s+(?<s>" + S + @"))?" + End + "$", Options, RegexLimits.MatchTimeoutMilliseconds)]
    public static partial Regex ExtendsToThatOfRegex();

    [GeneratedRegex(@"\b" + S, Options, RegexLimits.MatchTimeoutMilliseconds)]
    public static partial Regex SubjectSectionRegex();

    [GeneratedRegex(@"plus|also|following|as\s+well|in\s+addition|[:;]", Options, RegexLimits.MatchTimeoutMilliseconds)]
    public static partial Regex ContinuationRegex();

    [GeneratedRegex(@"^[\s,;:.]*(?:(?:roles?|positions?)\b)?[\s,;:.]*(?:plus\b|and\s+also\b|and\s+includes?\b|as\s+well\s+as\s+the\s+following\b|with\s+the\s+following\b)?[\s,;:.]*", Options, RegexLimits.MatchTimeoutMilliseconds)]
    public static partial Regex ExtraLeadRegex();
}
