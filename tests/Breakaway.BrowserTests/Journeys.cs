namespace Breakaway.BrowserTests;

// Two servers, each with its own database, mail folder and Chromium. Journeys in one collection run one after
// another, so one cannot reorder another's dashboard or change an account another signs in with; the two
// collections run side by side, since a journey spends most of its time waiting on the page, not on a core.
// A new journey class joins one of them with [Collection(...)]; a class in neither has no server and fails.

[CollectionDefinition(Name)]
public sealed class ClinicJourneys : ICollectionFixture<AppServer>
{
    /// <summary>Patients logging, therapists building programs, the dashboard and invitations.</summary>
    public const string Name = "Clinic journeys";
}

[CollectionDefinition(Name)]
public sealed class ReaderJourneys : ICollectionFixture<AppServer>
{
    /// <summary>Health tips and the exercise library, signing out, and e-mail.</summary>
    public const string Name = "Reader journeys";
}
