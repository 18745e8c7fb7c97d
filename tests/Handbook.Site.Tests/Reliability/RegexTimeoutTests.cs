namespace Handbook.Site.Tests.Reliability;

using System.Reflection;
using System.Text.RegularExpressions;
using Handbook.Pipeline.Limits;

/// <summary>
/// Every regular expression of the plugin and the app stops after <see cref="RegexLimits.MatchTimeout"/>, so odd page
/// text can make a pattern give up (LIMIT030) but never hang the build. Fails when a new pattern forgets the timeout.
/// </summary>
[Trait("Category", "Limits")]
public sealed class RegexTimeoutTests
{
    [Fact]
    public void Every_regular_expression_of_the_site_has_the_match_timeout()
    {
        // Given every [GeneratedRegex] method in the plugin and the app
        var assemblies = new[] { typeof(Handbook.JobFamilies.Erb.ErbExpander).Assembly, typeof(Handbook.Site.Export.CareerLadderLinks).Assembly };
        var methods = assemblies
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<GeneratedRegexAttribute>() is not null)
            .ToList();

        // Then there are many, and each one's Regex stops after RegexLimits.MatchTimeout
        Assert.True(methods.Count >= 50, $"found only {methods.Count}");
        Assert.All(methods, m =>
        {
            var regex = (Regex)m.Invoke(null, null)!;
            Assert.True(regex.MatchTimeout == RegexLimits.MatchTimeout, $"{m.DeclaringType!.Name}.{m.Name} has no match timeout");
        });
    }

}
