namespace Handbook.Pipeline.Stages;

using Handbook.Pipeline.Diagnostics;

/// <summary>
/// What the per-document stages do when processing one document throws: the exception is a bug in the stage, so it
/// becomes an INTERNAL001 diagnostic and the document is dropped, while cancellation still ends the build. A regular
/// expression that ran out of time is not a bug but pathological text: it becomes LIMIT030 at the document.
/// Used as an exception filter, so the sync and async stages share the rule instead of repeating the catch blocks.
/// </summary>
internal static class DocumentFailure
{
    /// <summary>Reports <paramref name="exception"/> and returns true (handled), or false for a requested cancellation.</summary>
    public static bool Report(Exception exception, string stage, Documents.Document document, StageContext context)
    {
        if (exception is OperationCanceledException && context.CancellationToken.IsCancellationRequested)
        {
            return false;
        }

        context.Report(exception is System.Text.RegularExpressions.RegexMatchTimeoutException
            ? Limits.RegexLimits.TimedOut($"stage '{stage}'", Diagnostics.SourceLocation.File(document.SourcePath))
            : EngineDiagnostics.StageFailedOnDocument(stage, document.SourcePath, exception));
        return true;
    }
}
