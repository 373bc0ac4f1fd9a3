using Breakaway.Web.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

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
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardAuditLog();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
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
