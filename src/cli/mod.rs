//! Command-line parsing (clap) and the headless commands. Raw arguments are parsed into
//! validated types before anything runs.

mod bulk;
mod candidates;
mod connect;
mod content;
mod dry_run;
pub mod failure;
mod fix;
mod follow;
mod gui;
mod history;
pub mod printable;
mod resume;
mod sandbox;
mod upload;
mod validate;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use atsdrop::model::ProviderId;

/// Exit code: everything done.
pub const EXIT_OK: u8 = 0;
/// Exit code: some uploads failed.
pub const EXIT_FAILED: u8 = 1;
/// Exit code: usage error, or files refused (nothing sent).
pub const EXIT_USAGE: u8 = 2;
/// Exit code: authentication failed.
pub const EXIT_AUTH: u8 = 3;

/// Drop candidate files on your recruiting system: checked against its limits, uploaded in the
/// background. Without a subcommand, opens the desktop app.
#[derive(Debug, Parser)]
#[command(name = "atsdrop", version, about, long_about = None)]
pub struct Cli {
    /// Open the app on the built-in sandbox (five demo systems on this computer).
    #[arg(long)]
    pub sandbox: bool,
    /// Log more (repeat for even more); logs go to stderr and never contain secrets.
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    pub verbose: u8,
    /// What to do; none opens the app.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The headless commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check the files, then upload them to a candidate (nothing is sent if any is refused).
    Upload(UploadArgs),
    /// List or search a system's candidates.
    Candidates(CandidatesArgs),
    /// Check files against a system's limits without sending anything.
    Validate(ValidateArgs),
    /// Write fixed copies of refused files (renamed, converted to PDF or JPEG, shrunk, or
    /// combined into one PDF) that pass the system's checks; the originals stay as they are.
    Fix(FixArgs),
    /// Send a folder of files for many candidates: each file matched to its candidate (a
    /// mapping CSV, the e-mail or phone in it, its mail's sender, its name), checked, and sent;
    /// unmatched and ambiguous files are never sent.
    Bulk(BulkArgs),
    /// Finish what an interrupted run (a crash, a closed laptop) left in the journal.
    Resume(ResumeArgs),
    /// Show finished uploads from the journal.
    History(HistoryArgs),
    /// Run the built-in emulator of all five systems on this computer (for trying atsdrop,
    /// tests and benchmarks) until Ctrl+C.
    Sandbox(SandboxArgs),
    /// The content reader process atsdrop starts for each file it reads (not for people).
    #[command(name = "read-content", hide = true)]
    ReadContent(ReadContentArgs),
    /// The mail process atsdrop starts for each e-mail it opens (not for people).
    #[command(name = "read-mail", hide = true)]
    ReadMail(ReadMailArgs),
}

/// `atsdrop read-mail` (hidden): opens one mail, writes its attachments under `--out` and
/// prints what it found as JSON.
#[derive(Debug, clap::Args)]
pub struct ReadMailArgs {
    /// The folder the attachments are written to (it must exist).
    #[arg(long)]
    pub out: PathBuf,
    /// The mail (`.eml` or `.msg`).
    pub path: PathBuf,
}

/// `atsdrop read-content` (hidden): reads one file's content and prints it as JSON.
#[derive(Debug, clap::Args)]
pub struct ReadContentArgs {
    /// The reader: pdf, docx, odt, ole, rtf or text.
    #[arg(long)]
    pub format: String,
    /// The file.
    pub path: PathBuf,
}

/// `atsdrop upload`.
#[derive(Debug, clap::Args)]
#[allow(clippy::struct_excessive_bools)] // command-line switches are booleans
pub struct UploadArgs {
    /// Which account.
    #[command(flatten)]
    pub connection: connect::ConnectionArgs,
    /// The candidate's id in the system (Endorsed: a UUID or `remote.<id>`).
    #[arg(long, short = 'c', value_name = "ID")]
    pub candidate: String,
    /// The attachment type, as the system spells it (case-insensitive), e.g. CV or resume.
    #[arg(long = "type", short = 't')]
    pub attachment_type: String,
    /// Kombo: attach to this application instead of the candidate.
    #[arg(long, value_name = "ID")]
    pub application: Option<String>,
    /// Endorsed: the attachment's id in your system. With several files, each gets
    /// ID-<its file name> (lower-case, other characters made "-"), so running the same command
    /// again, in any order, updates the same attachments.
    #[arg(long, value_name = "ID")]
    pub remote_id: Option<String>,
    /// Send files even if the candidate already has them (same name and size) or the journal
    /// says they were uploaded before.
    #[arg(long)]
    pub allow_duplicates: bool,
    /// Print one JSON object per file instead of a progress bar.
    #[arg(long)]
    pub json: bool,
    /// Onderwijsregio stores files after accepting them: wait this many seconds to see each
    /// on the candidate before calling it unconfirmed (exit 1).
    #[arg(long, value_name = "SECS", default_value_t = 120)]
    pub confirm_timeout: u64,
    /// Do everything but send: connect, look up the candidate, check the files and read their
    /// content, then print the verdict per file (exit 0 when all are ready, 2 otherwise).
    #[arg(long)]
    pub dry_run: bool,
    /// Send files that seem to be another person's (their e-mail, phone or name heads the
    /// first page and none of the candidate's is found).
    #[arg(long)]
    pub allow_other_person: bool,
    /// Send files that carry macros.
    #[arg(long)]
    pub allow_macros: bool,
    /// An e-mail domain of your own organisation (repeatable): its addresses in a file never
    /// make it "someone else's".
    #[arg(long, value_name = "DOMAIN")]
    pub own_domain: Vec<String>,
    /// Files or folders (folders are searched recursively).
    #[arg(required = true, value_name = "FILE|DIR")]
    pub paths: Vec<PathBuf>,
}

/// `atsdrop bulk`.
#[derive(Debug, clap::Args)]
pub struct BulkArgs {
    /// Which account.
    #[command(flatten)]
    pub connection: connect::ConnectionArgs,
    /// The attachment type for every file, as the system spells it; without it each file's
    /// type comes from its first page, else its name.
    #[arg(long = "type", short = 't')]
    pub attachment_type: Option<String>,
    /// A CSV of `file,candidate_id` rows (paths relative to the CSV): these files go to
    /// these candidates, whatever else they say.
    #[arg(long, value_name = "CSV")]
    pub map: Option<PathBuf>,
    /// Match and check only: print each file's candidate and verdict, send nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Print one JSON object per file: `{"file", "candidate"?, "matched_by"?, "status":
    /// "uploaded"|"accepted"|"failed"|"refused"|"skipped"|"unmatched"|"ambiguous"|"ready",
    /// "error"?}`.
    #[arg(long)]
    pub json: bool,
    /// Send files that carry macros.
    #[arg(long)]
    pub allow_macros: bool,
    /// An e-mail domain of your own organisation (repeatable): never taken for a candidate's.
    #[arg(long, value_name = "DOMAIN")]
    pub own_domain: Vec<String>,
    /// Files, folders (searched recursively) or mails (.eml, .msg).
    #[arg(required = true, value_name = "DIR|FILE")]
    pub paths: Vec<PathBuf>,
}

/// `atsdrop fix`.
#[derive(Debug, clap::Args)]
pub struct FixArgs {
    /// The system: spott, endorsed, kombo, onderwijsregio or truto.
    #[arg(long, short = 'p')]
    pub provider: ProviderId,
    /// The attachment type, as the system spells it (case-insensitive), e.g. CV or resume.
    #[arg(long = "type", short = 't')]
    pub attachment_type: String,
    /// Combine all the files, in the order given, into one PDF.
    #[arg(long)]
    pub combine: bool,
    /// The folder the fixed copies are written to.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Print one JSON object per file: {"file", "status": "fixed"|"unchanged"|"cannot",
    /// "output"?, "actions", "error"?}.
    #[arg(long)]
    pub json: bool,
    /// Files or folders (folders are searched recursively).
    #[arg(required = true, value_name = "FILE|DIR")]
    pub paths: Vec<PathBuf>,
}

/// `atsdrop candidates`.
#[derive(Debug, clap::Args)]
pub struct CandidatesArgs {
    /// Which account.
    #[command(flatten)]
    pub connection: connect::ConnectionArgs,
    /// Search text (an e-mail, a name, or an id — whatever the system can search by).
    #[arg(long, short = 'q')]
    pub query: Option<String>,
    /// Most candidates to print.
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
    /// Print one JSON object per candidate: {"id", "name", "email"}.
    #[arg(long)]
    pub json: bool,
    /// Print the candidate(s) whose e-mail is the sender's of this mail (`.eml` or `.msg`):
    /// its Reply-To and From, then those of a message forwarded inside it.
    #[arg(long, value_name = "FILE", conflicts_with = "query")]
    pub from_mail: Option<PathBuf>,
    /// An e-mail domain of your own organisation (repeatable): with --from-mail, its
    /// addresses are not looked up (a colleague who forwarded the mail).
    #[arg(long, value_name = "DOMAIN")]
    pub own_domain: Vec<String>,
}

/// `atsdrop resume`.
#[derive(Debug, clap::Args)]
pub struct ResumeArgs {
    /// Print one JSON object per file.
    #[arg(long)]
    pub json: bool,
    /// How long to wait to see an upload Onderwijsregio accepted on the candidate.
    #[arg(long, value_name = "SECS", default_value_t = 120)]
    pub confirm_timeout: u64,
}

/// `atsdrop history`.
#[derive(Debug, clap::Args)]
pub struct HistoryArgs {
    /// Print CSV (with a header row) instead of a table.
    #[arg(long)]
    pub csv: bool,
}

/// `atsdrop sandbox`.
#[derive(Debug, clap::Args)]
pub struct SandboxArgs {
    /// Port on 127.0.0.1 (0 picks a free one).
    #[arg(long, default_value_t = 0)]
    pub port: u16,
    /// Print the base URLs and demo credentials as one JSON object on one line.
    #[arg(long)]
    pub json: bool,
    /// Inject a fault: PROVIDER[:METHOD][:PATH]=KIND[xCOUNT], KIND one of 429[@SECS], 500, 502,
    /// 503, drop, drop-after, delay:MILLIS. Repeatable.
    #[arg(long, value_name = "SPEC")]
    pub fault: Vec<String>,
    /// Do not enforce the systems' documented rate limits.
    #[arg(long)]
    pub no_rate_limits: bool,
    /// Seeded candidates per system (the same people in every system; the bulk benchmark
    /// seeds 1,000).
    #[arg(long, value_name = "N", default_value_t = 300)]
    pub candidates: usize,
    /// Accept another secret as a second account of a system, with attachments of its own:
    /// PROVIDER:NAME:SECRET. Repeatable.
    #[arg(long, value_name = "SPEC")]
    pub tenant: Vec<String>,
}

/// `atsdrop validate`.
#[derive(Debug, clap::Args)]
pub struct ValidateArgs {
    /// The system: spott, endorsed, kombo, onderwijsregio or truto.
    #[arg(long, short = 'p')]
    pub provider: ProviderId,
    /// The attachment type, as the system spells it (case-insensitive), e.g. CV or resume.
    #[arg(long = "type", short = 't')]
    pub attachment_type: String,
    /// Print one JSON object per file instead of sentences.
    #[arg(long)]
    pub json: bool,
    /// Files or folders (folders are searched recursively).
    #[arg(required = true, value_name = "FILE|DIR")]
    pub paths: Vec<PathBuf>,
}

/// The tokio runtime the headless commands (and the app) run on.
pub fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    Ok(tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("atsdrop-worker")
        .build()?)
}

/// Sets up logging to stderr; `RUST_LOG` overrides the verbosity flag.
pub fn init_tracing(verbose: u8) {
    let default = match verbose {
        0 => "warn",
        1 => "info,atsdrop=debug",
        _ => "debug",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    // Human-readable output speaks the environment's language (`--json` stays English); the
    // app speaks the one chosen in it, else the OS's.
    atsdrop::i18n::set(atsdrop::i18n::Lang::from_env());
    match cli.command {
        Some(Command::Validate(args)) => validate::run(&args),
        Some(Command::Fix(args)) => fix::run(&args),
        Some(Command::Upload(args)) => upload::run(&args, &runtime()?),
        Some(Command::Bulk(args)) => bulk::run(&args, &runtime()?),
        Some(Command::Candidates(args)) => candidates::run(&args, &runtime()?),
        Some(Command::Resume(args)) => resume::run(&args, &runtime()?),
        Some(Command::History(args)) => history::run(&args),
        Some(Command::Sandbox(args)) => sandbox::run(&args, &runtime()?),
        Some(Command::ReadContent(args)) => {
            let mut out = std::io::stdout().lock();
            atsdrop::content::child::serve(&args.format, &args.path, &mut out)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::ReadMail(args)) => {
            let mut out = std::io::stdout().lock();
            atsdrop::mail::child::serve(&args.path, &args.out, &mut out)?;
            Ok(ExitCode::SUCCESS)
        }
        None => gui::run(&runtime()?, cli.sandbox),
    }
}
