using Breakaway.Web.Dashboard;
using Breakaway.Web.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Breakaway.Web.Data;

/// <summary>
/// The one database of the app, Identity and the Data Protection key ring included. Table shapes live in
/// <c>Data/Configurations</c>. The app always asks for this type; <see cref="SqliteBreakawayDbContext"/> and
/// <see cref="PostgresBreakawayDbContext"/> are the same model, each with its provider's migrations.
/// </summary>
public abstract class BreakawayDbContext : IdentityDbContext<AppUser>, IDataProtectionKeyContext
{
    /// <summary>For the per-provider subclasses, whose options are typed by the subclass.</summary>
    protected BreakawayDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>Keys that protect cookies and antiforgery tokens, shared by every instance of the app.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Exercise> Exercises => Set<Exercise>();

    public DbSet<StopCue> StopCues => Set<StopCue>();

    public DbSet<ExerciseProgression> ExerciseProgressions => Set<ExerciseProgression>();

    public DbSet<Patient> Patients => Set<Patient>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<HomeProgram> Programs => Set<HomeProgram>();

    public DbSet<ProgramVersion> ProgramVersions => Set<ProgramVersion>();

    public DbSet<ProgramExercise> ProgramExercises => Set<ProgramExercise>();

    public DbSet<AssignedReading> AssignedReadings => Set<AssignedReading>();

    public DbSet<SessionLog> SessionLogs => Set<SessionLog>();

    public DbSet<ExerciseLog> ExerciseLogs => Set<ExerciseLog>();

    public DbSet<RedFlag> RedFlags => Set<RedFlag>();

    public DbSet<SessionNote> SessionNotes => Set<SessionNote>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    /// <summary>The dashboard's line per patient, kept up to date by <see cref="SaveChangesAsync(bool, CancellationToken)"/>.</summary>
    public DbSet<AttentionSummary> AttentionSummaries => Set<AttentionSummary>();

    // Patients whose dashboard line a bulk update (ExecuteUpdate) changed: refreshed by the next SaveChanges.
    private readonly HashSet<int> _attentionChanged = [];
    private bool _savingSummaries;

    /// <summary>For writes that bypass the change tracker: the patient's dashboard line is rewritten by the next SaveChanges.</summary>
    public void AttentionChanged(int patientId) => _attentionChanged.Add(patientId);

    /// <summary>The app's services (singletons: the clock, options), for the dashboard summary written inside SaveChanges.</summary>
    public IServiceProvider ApplicationServices() =>
        this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider
        ?? throw new InvalidOperationException("The context was created without the app's service provider.");

    internal async Task SaveSummariesAsync(CancellationToken cancellationToken)
    {
        _savingSummaries = true;
        try
        {
            await base.SaveChangesAsync(true, cancellationToken);
        }
        finally
        {
            _savingSummaries = false;
        }
    }

    public DbSet<MeasurePlan> MeasurePlans => Set<MeasurePlan>();

    public DbSet<MeasureResponse> MeasureResponses => Set<MeasureResponse>();

    public DbSet<PatientMessage> PatientMessages => Set<PatientMessage>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(BreakawayDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in the database and safe when members are reordered.
        configurationBuilder.Properties<BodyRegion>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<ExerciseCategory>().HaveConversion<string>().HaveMaxLength(20);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardAuditLog();
        if (!_savingSummaries && Touched() is not null)
        {
            throw new InvalidOperationException("Save patient data with SaveChangesAsync: it keeps the dashboard summary up to date.");
        }

        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>
    /// Saves, and when the save touched a patient's sessions, red flags or programs, rewrites their dashboard
    /// lines (<see cref="AttentionSummary"/>) in the same transaction: the caller's, or one opened here.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardAuditLog();
        // On SQLite, a save that opens its own transaction waits for this process's earlier writers first
        // (SqliteWriteGate); inside a caller's transaction the caller holds the file's write lock already.
        using var turn = Database.CurrentTransaction is null && Database.IsSqlite()
            ? await SqliteWriteGate.EnterAsync(Database.GetConnectionString()!, cancellationToken)
            : null;
        var touched = _savingSummaries ? null : Touched();
        if (touched is null)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            var patients = await touched.PatientIdsAsync(this, cancellationToken);
            patients.UnionWith(_attentionChanged);
            await AttentionSummaryWriter.RefreshAsync(this, patients, cancellationToken);
            _attentionChanged.Clear();
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            return saved;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    private TouchedPatients? Touched()
    {
        TouchedPatients? touched = _attentionChanged.Count > 0 ? new() : null;
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case SessionLog or RedFlag or Patient or HomeProgram or ProgramVersion or ExerciseLog or MeasurePlan or MeasureResponse:
                    (touched ??= new()).Entities.Add(entry.Entity);
                    break;
            }
        }

        return touched;
    }

    /// <summary>The entities a save wrote that move a patient's dashboard line; their ids are read after the save assigned them.</summary>
    private sealed class TouchedPatients
    {
        public List<object> Entities { get; } = [];

        public async Task<HashSet<int>> PatientIdsAsync(BreakawayDbContext db, CancellationToken cancellationToken)
        {
            var ids = new HashSet<int>();
            var programs = new HashSet<int>();
            var sessions = new HashSet<long>();
            foreach (var entity in Entities)
            {
                switch (entity)
                {
                    case SessionLog s: ids.Add(s.PatientId); break;
                    case RedFlag f: ids.Add(f.PatientId); break;
                    case Patient p: ids.Add(p.Id); break;
                    case HomeProgram { PatientId: { } patient }: ids.Add(patient); break;
                    case ProgramVersion v: programs.Add(v.ProgramId); break;
                    case ExerciseLog e: sessions.Add(e.SessionLogId); break;
                    case MeasurePlan { PatientId: { } planPatient }: ids.Add(planPatient); break;
                    case MeasureResponse r: ids.Add(r.PatientId); break;
                }
            }

            if (programs.Count > 0)
            {
                ids.UnionWith(await db.Programs.Where(p => programs.Contains(p.Id) && p.PatientId != null).Select(p => p.PatientId!.Value).ToListAsync(cancellationToken));
            }

            if (sessions.Count > 0)
            {
                ids.UnionWith(await db.SessionLogs.Where(s => sessions.Contains(s.Id)).Select(s => s.PatientId).ToListAsync(cancellationToken));
            }

            // A deleted patient has no line to write (its row went with it).
            ids.Remove(0);
            return ids;
        }
    }

    /// <summary>The audit log is append-only from the app: rows may be added, never changed or removed.</summary>
    private void GuardAuditLog()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Audit entries are append-only.");
        }
    }
}
