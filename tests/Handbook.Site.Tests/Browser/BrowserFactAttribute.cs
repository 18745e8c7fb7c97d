namespace Handbook.Site.Tests.Browser;

using Handbook.Testing;

/// <summary>
/// A fact that drives Debian's Chromium through Playwright. Skipped with the reason printed when
/// <see cref="Chromium.ExecutablePath"/> is absent; when <c>CI=true</c> it runs anyway (<c>.ci/run</c> installs
/// Chromium there), so a missing browser fails in CI instead of passing silently.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!Chromium.IsInstalled && !SharedCorpus.IsCi)
        {
            Skip = $"Chromium is not installed at {Chromium.ExecutablePath} (apt-get install chromium; CI installs it)";
        }
    }
}
