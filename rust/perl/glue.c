/*
 * The C half of the Perl/Rust boundary (the rules cited as "rule N" are
 * those of docs/perl-rust-boundary.md).
 *
 * Perl offers much of its API only as macros or static inline functions
 * (dXSARGS, ST(n), SvPV, SvREFCNT_dec, JMPENV_PUSH, the boot handshake...).
 * This file wraps exactly those in real functions that Rust can call, and
 * holds every place where control may leave by longjmp:
 *   - sysvirt_xs_dispatch, the one XSUB behind every Rust method: it croaks,
 *     rethrows or exits only after the Rust body has returned (rule 1);
 *   - every entry from Rust into code that may run Perl code (a tie or
 *     overload in a conversion, a DESTROY, a callback) runs under a JMPENV
 *     of this file and reports a die or exit as a return code instead of
 *     unwinding through Rust (rules 2 and 4); callbacks are also isolated
 *     so that `exit` in one unwinds only the callback (sysvirt_call_eval).
 * Every function takes the interpreter explicitly (pTHX_, rule 5).
 */
#define PERL_NO_GET_CONTEXT
#include "EXTERN.h"
#include "perl.h"
#include "XSUB.h"

#include <signal.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Rust side (rust/perl/dispatch.rs, rust/lib.rs).                     */

#define SYSVIRT_INLINE_RETURNS 4

typedef struct {
    int failed;   /* one of the three below is set */
    SV *croak;    /* mortal SV to croak with, or NULL */
    const char *warn; /* message to warn, then return undef, or NULL */
    /* Return values: when count <= SYSVIRT_INLINE_RETURNS they are in
     * vals and stored here; a longer list was put on the stack by Rust. */
    I32 count;
    SV *vals[SYSVIRT_INLINE_RETURNS];
    /* When set, the first value is stored here in the call's target SV
     * (vals[0] is then unused): 1 signed targ_iv, 2 unsigned targ_iv,
     * 3 the C string targ_pv (alive until we return), 4 the same, then
     * free()d. */
    int targ;
    IV targ_iv;
    char *targ_pv;
} sysvirt_outcome;

/* One call, as handed to the Rust half (Frame in dispatch.rs). */
typedef struct {
    sysvirt_outcome out;    /* set by the Rust half */
    I32 ax, items;
    int status;             /* what ST(0) is, as sysvirt_handle_get */
    void *ptr;
} sysvirt_frame;

/* The head of every registered entry (XsEntry in dispatch.rs). */
typedef struct sysvirt_entry_head sysvirt_entry_head;
/* What a getter's fast half found (FastValue in dispatch.rs): kind 0
 * failed (the outcome says why), 1 the integer `value`, 2 nothing (a
 * DESTROY), 3 the C string at `value` (the object's), 4 the same, to
 * free() once copied. */
typedef struct {
    IV value;
    int kind;
} sysvirt_fast_value;
struct sysvirt_entry_head {
    U16 self_class;   /* class of the object in ST(0), or 0 */
    /* The method's Rust half (XsRun in dispatch.rs). */
    void (*run)(pTHX_ const sysvirt_entry_head *entry, sysvirt_frame *frame);
    /* A getter's fast half, or NULL (XsFast in dispatch.rs). */
    sysvirt_fast_value (*fast)(pTHX_ void *obj, sysvirt_outcome *out,
                               const sysvirt_entry_head *entry);
};
extern SV *sysvirt_rust_boot(pTHX);

/* A lent handle (see "Lent handles"), as `Lent` in ffi.rs. */
typedef struct {
    SV *rv;                     /* the argument: a reference to obj */
    SV *obj;                    /* one reference of ours, or NULL */
    void *ptr;
    int (*take_ref)(void *ptr); /* virDomainRef... */
    U16 classid;
    int settled;
} sysvirt_lent;

/* ------------------------------------------------------------------ */
/* Object handles: a blessed reference to a scalar holding the libvirt */
/* pointer in its IV, as the C original does. The scalar's NV slot      */
/* (unused: NOK stays off) holds a seal computed from the pointer, the  */
/* class and a per-process secret, so a forged object, an object of    */
/* another class or one whose IV was overwritten is refused instead of  */
/* being handed to libvirt. No allocation beyond the original's.        */

static UV sysvirt_secret;

void sysvirt_handles_init(UV seed)
{
    if (!sysvirt_secret)
        sysvirt_secret = (seed | 1) * (UV)0x9E3779B97F4A7C15ULL;
}

static UV sysvirt_seal(UV ptr, U16 classid)
{
    UV x = (ptr ^ sysvirt_secret) * (UV)0xBF58476D1CE4E5B9ULL;
    return (x ^ (x >> 31)) + classid;
}

static void sysvirt_set_seal(SV *obj, UV seal)
{
    NV nv;
    memcpy(&nv, &seal, sizeof nv);
    ((XPVNV *)SvANY(obj))->xnv_u.xnv_nv = nv;
}

static UV sysvirt_stored_seal(SV *obj)
{
    UV seal;
    NV nv = ((XPVNV *)SvANY(obj))->xnv_u.xnv_nv;
    memcpy(&seal, &nv, sizeof seal);
    return seal;
}

static int sysvirt_sealed(SV *obj, U16 classid)
{
    return SvIOK(obj) && sysvirt_stored_seal(obj) == sysvirt_seal((UV)SvIVX(obj), classid);
}

/* A destroyed handle: a NULL pointer, which libvirt rejects. */
static void sysvirt_handle_clear(SV *obj, U16 classid)
{
    SvIV_set(obj, 0);
    sysvirt_set_seal(obj, sysvirt_seal(0, classid));
}

/* The stashes of the handle classes, per interpreter (MY_CXT).  Blessing
 * by name, as sv_setref_pv does, hashes the name and looks it up for
 * every new object: a third of its cost.  A cached stash is used while it
 * still bears the name it had when cached (a package deleted or replaced
 * loses it: then it is looked up again), and is held by a reference so
 * that it cannot be freed meanwhile.  A thread's new interpreter starts
 * with none (CLONE). */
#define SYSVIRT_STASH_SLOTS 32
#define MY_CXT_KEY "Sys::Virt::_stashes" XS_VERSION
typedef struct {
    HV *stash[SYSVIRT_STASH_SLOTS];
    const char *name[SYSVIRT_STASH_SLOTS];  /* its HvENAME when cached */
} my_cxt_t;
START_MY_CXT

static HV *sysvirt_class_stash(pTHX_ const char *pkg, U16 classid)
{
    dMY_CXT;
    HV *stash;
    if (LIKELY(classid < SYSVIRT_STASH_SLOTS)) {
        stash = MY_CXT.stash[classid];
        if (LIKELY(stash != NULL) && LIKELY(HvENAME(stash) == MY_CXT.name[classid]))
            return stash;
    }
    stash = gv_stashpv(pkg, GV_ADD);
    if (classid < SYSVIRT_STASH_SLOTS && HvENAME(stash)) {
        /* freeing a stash may free objects in it: later, by a FREETMPS */
        if (MY_CXT.stash[classid])
            sv_2mortal((SV *)MY_CXT.stash[classid]);
        MY_CXT.stash[classid] = (HV *)SvREFCNT_inc_simple_NN((SV *)stash);
        MY_CXT.name[classid] = HvENAME(stash);
    }
    return stash;
}

/* `Sys::Virt::CLONE`, in a thread's new interpreter: a copy of its own,
 * empty (the stashes cached are the parent interpreter's).  Perl calls
 * it for every package that has it, subclasses too: only once. */
XS_INTERNAL(sysvirt_xs_clone)
{
    dXSARGS;
    if (items >= 1 && SvPOK(ST(0)) && strEQ(SvPVX(ST(0)), "Sys::Virt")) {
        MY_CXT_CLONE;
        Zero(&MY_CXT, 1, my_cxt_t);
    }
    XSRETURN_EMPTY;
}

/* A new reference to a new handle: sv_setref_pv's object, blessed by
 * stash. */
static inline void sysvirt_handle_set(pTHX_ SV *rv, const char *pkg, void *ptr, U16 classid, UV seal)
{
    SV *const obj = newSVrv(rv, NULL);
    sv_bless(rv, sysvirt_class_stash(aTHX_ pkg, classid));
    sv_setiv(obj, PTR2IV(ptr));
    /* bless upgraded the referent to a PVMG, which has an NV slot */
    sysvirt_set_seal(obj, seal);
}

/* The same, mortal (a return value): made as the original's typemap
 * makes it, with sv_newmortal. */
SV *sysvirt_handle_new_mortal(pTHX_ const char *pkg, void *ptr, U16 classid)
{
    SV *rv = sv_newmortal();
    sysvirt_handle_set(aTHX_ rv, pkg, ptr, classid, sysvirt_seal(PTR2UV(ptr), classid));
    return rv;
}

SV *sysvirt_handle_new(pTHX_ const char *pkg, void *ptr, U16 classid)
{
    SV *rv = newSV(0);
    sysvirt_handle_set(aTHX_ rv, pkg, ptr, classid, sysvirt_seal(PTR2UV(ptr), classid));
    return rv;
}

/* A lent handle: an object given to an event callback holding libvirt's
 * own pointer, without a reference of its own, for as long as the
 * callback runs.  Its seal is the owned one's plus this mark, which no
 * class id reaches (see "Lent handles" below). */
#define SYSVIRT_LENT_MARK ((UV)1 << 16)

static __attribute__((noinline, cold)) int sysvirt_sealed_lent(SV *obj, U16 classid)
{
    return SvIOK(obj) &&
           sysvirt_stored_seal(obj) == sysvirt_seal((UV)SvIVX(obj), classid) + SYSVIRT_LENT_MARK;
}

/* The scalar a blessed reference to one points to, or NULL. */
static inline SV *sysvirt_blessed_scalar(SV *sv)
{
    return SvROK(sv) && SvOBJECT(SvRV(sv)) && SvTYPE(SvRV(sv)) == SVt_PVMG ? SvRV(sv) : NULL;
}

/* 0: *ptr set.  1: not a blessed reference (the caller warns, as the
 * original typemap does).  2: a blessed reference that is not a handle
 * of this class. */
static inline int sysvirt_handle_check(pTHX_ SV *sv, U16 classid, void **ptr)
{
    SV *const obj = sysvirt_blessed_scalar(sv);
    if (!obj)
        return 1;
    if (!sysvirt_sealed(obj, classid) && !sysvirt_sealed_lent(obj, classid))
        return 2;
    *ptr = INT2PTR(void *, SvIVX(obj));
    return 0;
}

int sysvirt_handle_get(pTHX_ SV *sv, U16 classid, void **ptr)
{
    return sysvirt_handle_check(aTHX_ sv, classid, ptr);
}

/* ------------------------------------------------------------------ */
/* SIGPIPE.  libvirt writes to its sockets with write(2): when a daemon  */
/* went away before the event loop noticed, a program with the default  */
/* disposition (Perl's) is killed by SIGPIPE, without a word.  While an  */
/* XSUB runs, our handler lets the write fail with EPIPE instead, which  */
/* libvirt reports as an error; anywhere else it does what the default   */
/* would have done.  Installed only over the default: a program's own    */
/* $SIG{PIPE} (or a later one) wins.                                     */

/* This thread's state of the module (one thread-local, so that the hot
 * path reaches all of it through one address): */
typedef struct {
    int in_xsub;        /* Rust or libvirt code of ours is running */
    int unwound;        /* see "Entering Perl code from Rust" below */
    int exit_pending;
    I32 exit_status;
    JMPENV *glue_env;
    SV *hook_failure;   /* see "A die in an event loop's method" below */
} sysvirt_thread_state;
static __thread sysvirt_thread_state sysvirt_thread __attribute__((tls_model("initial-exec")));
#define sysvirt_in_xsub (sysvirt_thread.in_xsub)

static void sysvirt_on_sigpipe(int sig)
{
    if (sysvirt_in_xsub)
        return;
    signal(sig, SIG_DFL);
    raise(sig);     /* delivered once this handler returns */
}

/* Is Rust or libvirt code of this module running on this thread (not
 * Perl code it called)?  For the panic hook (rust/lib.rs). */
int sysvirt_in_module(void)
{
    return sysvirt_in_xsub > 0;
}

static void sysvirt_sigpipe_init(void)
{
    struct sigaction old, sa;
    if (sigaction(SIGPIPE, NULL, &old) != 0 || (old.sa_flags & SA_SIGINFO) ||
        old.sa_handler != SIG_DFL)
        return;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = sysvirt_on_sigpipe;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGPIPE, &sa, NULL);
}

/* ------------------------------------------------------------------ */
/* Entering Perl code from Rust.                                       */
/* Perl code can leave by longjmp (die, exit), which must never cross a  */
/* Rust frame (rule 1).  So every entry from Rust into anything that may */
/* run Perl code is made here, under a JMPENV of this file (a "glue     */
/* env"), and a longjmp that reaches one becomes a return code:          */
/*   - a die or exit caught there has already unwound Perl's stacks past */
/*     the XSUB (to the eval that catches the die, or all the way for an */
/*     exit): the state is "unwound", and the only valid continuation is */
/*     to resume that longjmp once the Rust frames are gone.  Until then */
/*     nothing here runs Perl code again (conversions and calls refuse,  */
/*     freeing is left to the mortals stack), and the generic XSUB       */
/*     resumes it before anything else (sysvirt_unwound);                */
/*   - an exit inside a callback is stopped before it unwinds anything   */
/*     but the callback (sysvirt_call_eval): Perl's state is intact, the */
/*     exit is pending, no more Perl code runs, and the generic XSUB     */
/*     performs it with my_exit once Rust has returned                   */
/*     (sysvirt_exit_pending).                                           */
/* Per thread, as interpreters are.                                      */

/* The innermost glue env of this thread (NULL outside any). */
#define sysvirt_glue_env (sysvirt_thread.glue_env)
/* JMPENV code (2 exit, 3 die) of a longjmp to resume, or 0. */
#define sysvirt_unwound (sysvirt_thread.unwound)
/* An exit() in a callback waits, with the $? it set. */
#define sysvirt_exit_pending (sysvirt_thread.exit_pending)
#define sysvirt_exit_status (sysvirt_thread.exit_status)

/* Perl is on its way out of this XSUB: run no more Perl code. */
#define SYSVIRT_LEAVING() ((sysvirt_unwound | sysvirt_exit_pending) != 0)
#define SYSVIRT_LEAVING_CODE() (sysvirt_unwound ? sysvirt_unwound : 2)

/* Open a glue env around Perl code (declares what it needs: use at the
 * start of a block, with dJMPENV and an int ret in scope). */
#define SYSVIRT_ENTER_PERL(ret)                                         \
    JMPENV *const sysvirt_outer_env = sysvirt_glue_env;                 \
    const int sysvirt_outer_in_xsub = sysvirt_in_xsub;                  \
    JMPENV_PUSH(ret);                                                   \
    sysvirt_glue_env = PL_top_env;                                      \
    sysvirt_in_xsub = 0

/* Close it; a longjmp caught there (ret != 0) leaves the state unwound. */
#define SYSVIRT_LEAVE_PERL(ret)                                         \
    JMPENV_POP;                                                         \
    sysvirt_glue_env = sysvirt_outer_env;                               \
    sysvirt_in_xsub = sysvirt_outer_in_xsub;                            \
    if ((ret) && !sysvirt_unwound)                                      \
        sysvirt_unwound = (ret)

/* Run op(arg), which may run Perl code, under a glue env.  Returns 0, or
 * the JMPENV code of a die or exit caught there (Perl is then unwound);
 * once Perl is leaving, refuses with that code. */
static int sysvirt_protected(pTHX_ void (*op)(pTHX_ void *), void *arg)
{
    dJMPENV;
    int ret;
    if (SYSVIRT_LEAVING())
        return SYSVIRT_LEAVING_CODE();
    {
        SYSVIRT_ENTER_PERL(ret);
        if (ret == 0)
            op(aTHX_ arg);
        SYSVIRT_LEAVE_PERL(ret);
    }
    return ret;
}

int sysvirt_exit_is_pending(void)
{
    return sysvirt_exit_pending;
}

/* An earlier failure wins over the pending exit: forget it. */
void sysvirt_exit_discard(void)
{
    sysvirt_exit_pending = 0;
}

/* ------------------------------------------------------------------ */
/* A die in an event loop's method.  libvirt calls the methods of an    */
/* event loop written in Perl (Sys::Virt::Event::register) from inside  */
/* whatever XS call made it add, change or remove a watch: opening a    */
/* connection, any call on a remote one (it updates its socket's watch), */
/* closing it.  Their die is kept here (the first one: an exit pending  */
/* wins, and an earlier die) and raised by that XS call once its body    */
/* has returned, before anything else it would return or raise.  While  */
/* Perl code runs from inside libvirt (sysvirt_call_eval) a die kept    */
/* before is put aside, so that an XS call made by that code raises     */
/* only what happened during itself.                                     */
#define sysvirt_hook_failure (sysvirt_thread.hook_failure)

/* Keep err (a reference that becomes ours) unless a failure is kept or
 * an exit pending already: 1 if kept, 0 if not (err is still the
 * caller's). */
int sysvirt_hook_failure_keep(SV *err)
{
    if (sysvirt_hook_failure || sysvirt_exit_pending)
        return 0;
    sysvirt_hook_failure = err;
    return 1;
}

/* ------------------------------------------------------------------ */
/* The generic XSUB.                                                   */

/* After the Rust half: everything but returning values. Resumes Perl's
 * longjmp or performs a pending exit (every Rust frame is gone, so leaving
 * by longjmp is safe), croaks, or warns and returns (the XSUB then
 * returns undef). Out of line, to keep the path of every call short. */
static void sysvirt_xs_unusual(pTHX_ CV *cv, const sysvirt_outcome *out)
    __attribute__((noinline, cold));
static void sysvirt_xs_unusual(pTHX_ CV *cv, const sysvirt_outcome *out)
{
    SV *const hook_failure = sysvirt_hook_failure;
    sysvirt_hook_failure = NULL;
    if (SYSVIRT_LEAVING()) {
        /* Perl is leaving: the die goes, freed with the mortals. */
        if (hook_failure)
            sv_2mortal(hook_failure);
        if (!out->failed && out->targ == 4)
            free(out->targ_pv);
        if (sysvirt_unwound) {
            int code = sysvirt_unwound;
            sysvirt_unwound = 0;
            JMPENV_JUMP(code);
        }
        /* Perl's exit, from here: END blocks run, $? is the status. */
        sysvirt_exit_pending = 0;
        PL_exit_flags |= PERL_EXIT_EXPECTED;
        my_exit((U32)sysvirt_exit_status);
    }
    /* An event loop's method died during this call: that die, first. */
    if (hook_failure) {
        if (!out->failed && out->targ == 4)
            free(out->targ_pv);
        croak_sv(sv_2mortal(hook_failure));
    }
    if (out->croak)
        croak_sv(out->croak);
    if (out->warn) {
        warn("%s", out->warn);
        return;
    }
    /* only an exit the body reported but that was not pending */
    croak("%s: a callback called exit", GvNAME(CvGV(cv)));
}

XS_INTERNAL(sysvirt_xs_dispatch)
{
    dXSARGS;
    const sysvirt_entry_head *entry = (const sysvirt_entry_head *)CvXSUBANY(cv).any_ptr;
    sysvirt_frame frame;
    sysvirt_outcome *const out = &frame.out;
    I32 i;
    PERL_UNUSED_VAR(mark);

    /* The Rust half sets the rest of the outcome. */
    out->failed = 0;
    frame.ax = ax;
    frame.items = items;
    frame.status = 0;
    frame.ptr = NULL;
    /* The object argument is checked here, on the hot path, in C. */
    if (entry->self_class && items > 0)
        frame.status = sysvirt_handle_check(aTHX_ ST(0), entry->self_class, &frame.ptr);
    sysvirt_in_xsub++;
    entry->run(aTHX_ entry, &frame);
    sysvirt_in_xsub--;
    if (UNLIKELY(out->failed | SYSVIRT_LEAVING() | (sysvirt_hook_failure != NULL))) {
        sysvirt_xs_unusual(aTHX_ cv, out);
        XSRETURN_UNDEF;     /* after the warning */
    }
    if (out->targ) {
        /* xsubpp's dXSTARG: the pad SV reserved for this call's result */
        SV *targ = (PL_op->op_private & OPpENTERSUB_HASTARG) ? PAD_SV(PL_op->op_targ)
                                                             : sv_newmortal();
        /* As xsubpp's PUSHi/PUSHu/PUSHp: TARGi and TARGu set a plain
         * integer target in place, anything else with its set magic. */
        if (out->targ == 1) {
            TARGi((IV)out->targ_iv, 1);
        } else if (out->targ == 2) {
            TARGu((UV)out->targ_iv, 1);
        } else {
            sv_setpv(targ, out->targ_pv);
            SvUTF8_off(targ);
            if (out->targ == 4)
                free(out->targ_pv);
            SvSETMAGIC(targ);
        }
        out->vals[0] = targ;
    }
    if (LIKELY(out->count == 1 && items > 0)) {
        ST(0) = out->vals[0];
        XSRETURN(1);
    }
    if (out->count <= SYSVIRT_INLINE_RETURNS) {
        if (out->count > items) {
            sp = PL_stack_base + ax - 1;
            EXTEND(sp, out->count);
        }
        for (i = 0; i < out->count; i++)
            ST(i) = out->vals[i];
    }
    XSRETURN(out->count);
}

/* The XSUB of a getter of one object and nothing else (a manifest row of
 * prototype "$" with a fast half): once argument 0 is a live object of
 * the row's class, its Rust half only calls libvirt, and the value goes
 * into the call's target as in sysvirt_xs_dispatch.  DESTROY (no class:
 * it takes whatever it is given) gets its one argument as it is.  Any other call (an
 * argument count, a non-object, a destroyed object) goes the generic
 * way, which reports it. */
XS_INTERNAL(sysvirt_xs_getter)
{
    dSP;
    /* dXSARGS without popping the mark: the generic XSUB pops it */
    const I32 ax = TOPMARK + 1;
    const I32 items = (I32)(SP - PL_stack_base - TOPMARK);
    const sysvirt_entry_head *entry = (const sysvirt_entry_head *)CvXSUBANY(cv).any_ptr;
    void *obj = NULL;
    /* A row without an invocant class (DESTROY) gets argument 0 itself. */
    if (LIKELY(items == 1)
        && LIKELY(entry->self_class
                      ? sysvirt_handle_check(aTHX_ ST(0), entry->self_class, &obj) == 0 && obj
                      : (obj = ST(0)) != NULL)) {
        sysvirt_outcome out;    /* set by the fast half only if it fails */
        sysvirt_fast_value v;
        (void)POPMARK;
        sysvirt_in_xsub++;
        v = entry->fast(aTHX_ obj, &out, entry);
        sysvirt_in_xsub--;
        const int done = LIKELY(v.kind) && LIKELY(!(SYSVIRT_LEAVING() | (sysvirt_hook_failure != NULL)));
        if (done && v.kind == 2)
            XSRETURN_EMPTY;     /* DESTROY: no value, so no target either */
        if (done) {
            dXSTARG;
            if (v.kind == 1) {
                TARGi(v.value, 1);
            } else {
                sv_setpv(TARG, INT2PTR(const char *, v.value));
                SvUTF8_off(TARG);
                if (v.kind == 4)
                    free(INT2PTR(char *, v.value));
                SvSETMAGIC(TARG);
            }
            ST(0) = TARG;
            XSRETURN(1);
        }
        if (v.kind) {
            /* A method of an event loop written in Perl, which libvirt
             * calls during a call on a remote connection, died or called
             * exit: as the generic XSUB would */
            out.failed = 0;
            out.targ = v.kind;
            out.targ_pv = INT2PTR(char *, v.value);
        }
        sysvirt_xs_unusual(aTHX_ cv, &out);
        XSRETURN_UNDEF;
    }
    sysvirt_xs_dispatch(aTHX_ cv);
}

/* Defining a sub that exists warns ("Subroutine ... redefined", when the
 * module is loaded again), and a __WARN__ handler may die: protected (a
 * failure is resumed by sysvirt_boot). */
typedef struct {
    const char *pkg, *name, *proto;
    void *entry;
    SV *value;
} sysvirt_define;

static void sysvirt_newxs_op(pTHX_ void *p)
{
    sysvirt_define *d = (sysvirt_define *)p;
    const sysvirt_entry_head *entry = (const sysvirt_entry_head *)d->entry;
    CV *cv = newXS_flags(d->name, entry->fast ? sysvirt_xs_getter : sysvirt_xs_dispatch, "Virt.c",
                         d->proto, 0);
    CvXSUBANY(cv).any_ptr = d->entry;
}

void sysvirt_newxs(pTHX_ const char *name, const char *proto, void *entry)
{
    sysvirt_define d = { NULL, name, proto, entry, NULL };
    (void)sysvirt_protected(aTHX_ sysvirt_newxs_op, &d);
}

/* The boot XSUB body: version handshake (croaks on a stale .so, rule 8),
 * registration by Rust, epilog.  Called from the Rust boot_Sys__Virt shim,
 * whose frame owns nothing. */
void sysvirt_boot(pTHX_ CV *cv)
{
    I32 ax = XS_BOTHVERSION_SETXSUBFN_POPMARK_BOOTCHECK;
    SV *err;
    sysvirt_sigpipe_init();
    {
        MY_CXT_INIT;
        Zero(&MY_CXT, 1, my_cxt_t);
    }
    if (!get_cv("Sys::Virt::CLONE", 0))
        (void)newXS("Sys::Virt::CLONE", sysvirt_xs_clone, __FILE__);
    sysvirt_in_xsub++;     /* boot is this module's code too */
    err = sysvirt_rust_boot(aTHX);
    sysvirt_in_xsub--;
    if (sysvirt_unwound) {
        int code = sysvirt_unwound;
        sysvirt_unwound = 0;
        JMPENV_JUMP(code);
    }
    if (err)
        croak_sv(err);
    Perl_xs_boot_epilog(aTHX_ ax);
}

/* A constant as constant.pm makes them: where the name is free, the
 * stash holds a reference to the read-only value, which Perl inlines at
 * compile time and turns into a constant sub the first time anything
 * needs one (a call at run time, \&, can, *glob). That is a fraction of
 * the cost of a glob and a sub each, at load, for 1,457 constants. A name
 * already taken gets a sub, as sysvirt_newxs ("Constant subroutine ...
 * redefined"). */
static void sysvirt_newconst_op(pTHX_ void *p)
{
    sysvirt_define *d = (sysvirt_define *)p;
    HV *stash = gv_stashpv(d->pkg, GV_ADD);
    const I32 len = (I32)strlen(d->name);
    SV *value = d->value;
    d->value = NULL;    /* taken over */
    if (!hv_exists(stash, d->name, len)) {
        SvREADONLY_on(value);
        (void)hv_store(stash, d->name, len, newRV_noinc(value), 0);
    } else {
        newCONSTSUB(stash, d->name, value);
    }
}

/* After the constants of `pkg` (as constant.pm ends with
 * mro::method_changed_in): its method caches are stale. */
void sysvirt_constants_defined(pTHX_ const char *pkg)
{
    HV *stash = gv_stashpv(pkg, 0);
    if (stash)
        mro_method_changed_in(stash);
}

static void sysvirt_newconst(pTHX_ const char *pkg, const char *name, SV *value)
{
    sysvirt_define d = { pkg, name, NULL, NULL, value };
    (void)sysvirt_protected(aTHX_ sysvirt_newconst_op, &d);
    SvREFCNT_dec(d.value);     /* refused: not defined */
}

void sysvirt_newconst_iv(pTHX_ const char *pkg, const char *name, IV v)
{
    sysvirt_newconst(aTHX_ pkg, name, newSViv(v));
}

void sysvirt_newconst_uv(pTHX_ const char *pkg, const char *name, UV v)
{
    sysvirt_newconst(aTHX_ pkg, name, newSVuv(v));
}

void sysvirt_newconst_pv(pTHX_ const char *pkg, const char *name, const char *v)
{
    sysvirt_newconst(aTHX_ pkg, name, newSVpv(v, 0));
}

/* ------------------------------------------------------------------ */
/* The argument stack.                                                 */

/* Once unwound, the stack may be another one: arguments read as undef. */
SV *sysvirt_stack_arg(pTHX_ I32 ax, I32 i)
{
    return LIKELY(!sysvirt_unwound) ? PL_stack_base[ax + i] : &PL_sv_undef;
}

/* Store n return values starting at ST(0), growing the stack first.
 * Nothing keeps a pointer into the stack across the EXTEND (rule 6). */
void sysvirt_stack_put(pTHX_ I32 ax, SV **vals, I32 n)
{
    SV **sp = PL_stack_base + ax - 1;
    I32 i;
    if (sysvirt_unwound)
        return;
    EXTEND(sp, n);
    for (i = 0; i < n; i++)
        PL_stack_base[ax + i] = vals[i];
}

/* ------------------------------------------------------------------ */
/* Building values.  All return new (refcount 1) SVs unless noted.     */

SV *sysvirt_new_iv(pTHX_ IV v) { return newSViv(v); }
SV *sysvirt_new_uv(pTHX_ UV v) { return newSVuv(v); }
SV *sysvirt_new_nv(pTHX_ NV v) { return newSVnv(v); }
SV *sysvirt_new_pvn(pTHX_ const char *p, STRLEN n) { return newSVpvn(p, n); }
SV *sysvirt_new_undef(pTHX) { return newSV(0); }
SV *sysvirt_new_rv_noinc(pTHX_ SV *sv) { return newRV_noinc(sv); }
HV *sysvirt_new_hv(pTHX) { return newHV(); }
/* A hash with buckets for `keys` keys from the start: no split (and
 * rehash of every key) as they are stored. */
HV *sysvirt_new_hv_sized(pTHX_ IV keys)
{
    HV *hv = newHV();
    if (keys > PERL_HASH_DEFAULT_HvMAX + 1)
        hv_ksplit(hv, keys);
    return hv;
}
AV *sysvirt_new_av(pTHX) { return newAV(); }
SV *sysvirt_sv_undef(pTHX) { return &PL_sv_undef; }
SV *sysvirt_mortal(pTHX_ SV *sv) { return sv_2mortal(sv); }
SV *sysvirt_refcnt_inc(pTHX_ SV *sv) { return SvREFCNT_inc(sv); }

/* Freeing a reference, container, object or magical value may run Perl
 * code (DESTROY, which may exit): protected.  Once Perl is leaving, the
 * value goes to the mortals stack, freed by Perl itself. */
static void sysvirt_refcnt_dec_op(pTHX_ void *p)
{
    SvREFCNT_dec_NN((SV *)p);
}

void sysvirt_refcnt_dec(pTHX_ SV *sv)
{
    if (!sv)
        return;
    if (SvREFCNT(sv) > 1 ||
        (SvTYPE(sv) <= SVt_PVMG && !SvROK(sv) && !SvOBJECT(sv) && !SvMAGICAL(sv))) {
        SvREFCNT_dec_NN(sv);
        return;
    }
    if (SYSVIRT_LEAVING())
        sv_2mortal(sv);
    else
        (void)sysvirt_protected(aTHX_ sysvirt_refcnt_dec_op, sv);
}

/* Arguments and results of the protected operations below. */
typedef struct {
    SV *sv;
    HV *hv;
    AV *av;
    const char *key;
    I32 klen;
    SSize_t index;
    SV **out;
} sysvirt_access;

static void sysvirt_new_copy_op(pTHX_ void *p)
{
    sysvirt_access *a = (sysvirt_access *)p;
    *a->out = newSVsv(a->sv);
}

/* *out = a new copy of sv.  A tied value's FETCH runs: protected. */
int sysvirt_new_copy(pTHX_ SV *sv, SV **out)
{
    sysvirt_access a = { sv, NULL, NULL, NULL, 0, 0, out };
    *out = NULL;
    if (!SvGMAGICAL(sv)) {
        *out = newSVsv_nomg(sv);
        return 0;
    }
    return sysvirt_protected(aTHX_ sysvirt_new_copy_op, &a);
}

/* The sub call's target: the pad SV perl reserves for an XSUB's single
 * return value (xsubpp's dXSTARG), or a new mortal when the call has none.
 * Setting it avoids allocating and freeing an SV per call. */
static SV *sysvirt_targ(pTHX)
{
    if (UNLIKELY(sysvirt_unwound))     /* PL_op is not our call's any more */
        return sv_newmortal();
    return (PL_op->op_private & OPpENTERSUB_HASTARG) ? PAD_SV(PL_op->op_targ)
                                                     : sv_newmortal();
}

SV *sysvirt_targ_pvn(pTHX_ const char *p, STRLEN n)
{
    SV *targ = sysvirt_targ(aTHX);
    sv_setpvn(targ, p, n);
    SvUTF8_off(targ);
    SvSETMAGIC(targ);
    return targ;
}

SV *sysvirt_targ_pv(pTHX_ const char *p)
{
    SV *targ = sysvirt_targ(aTHX);
    sv_setpv(targ, p);
    SvUTF8_off(targ);
    SvSETMAGIC(targ);
    return targ;
}

/* Takes over the reference to val. `hash` is Perl's hash of the key when
 * the caller knows it (sysvirt_key_hash), else 0. */
static void sysvirt_hv_store_hashed(pTHX_ HV *hv, const char *key, I32 klen, U32 hash, SV *val)
{
    if (!hv_store(hv, key, klen, val, hash))
        SvREFCNT_dec(val);
}

void sysvirt_hv_store(pTHX_ HV *hv, const char *key, I32 klen, SV *val)
{
    sysvirt_hv_store_hashed(aTHX_ hv, key, klen, 0, val);
}

/* A new number (`v` read as unsigned when `is_unsigned`) stored under
 * `key`: one call for the two, as hashes of statistics hold little else. */
void sysvirt_hv_store_num(pTHX_ HV *hv, const char *key, I32 klen, U32 hash, IV v, int is_unsigned)
{
    sysvirt_hv_store_hashed(aTHX_ hv, key, klen, hash, is_unsigned ? newSVuv((UV)v) : newSViv(v));
}

/* Perl's hash of a key, for keys stored again and again (the seed is the
 * process's, so the value holds for every interpreter). */
U32 sysvirt_key_hash(const char *key, I32 klen)
{
    U32 hash;
    PERL_HASH(hash, key, klen);
    return hash;
}

/* ------------------------------------------------------------------ */
/* Key templates.  The hash a typed-parameter getter returns has the    */
/* same keys call after call (get_perf_events: 22).  Storing a key      */
/* hashes it, finds it in Perl's shared string table and makes an entry;*/
/* copying a hash of those keys (newHVhv) only makes the entries, with  */
/* the keys it already shares.  So the first hash of a set of names     */
/* becomes a template (its keys, every value &PL_sv_undef), and the     */
/* next ones are copies with their values set in place.  Templates are  */
/* per interpreter (in PL_modglobal, which a new thread's interpreter   */
/* gets a copy of), in SYSVIRT_TEMPLATE_SLOTS slots chosen by a         */
/* fingerprint of the names; a copy is used only once every key of the  */
/* template was compared with the names of this call.                   */

#define SYSVIRT_TEMPLATE_SLOTS 64
#define SYSVIRT_TEMPLATE_KEYS 64

typedef struct {
    U32 fingerprint;
    I32 n;
    int used;                           /* hit since its slot's last miss */
    U16 order[SYSVIRT_TEMPLATE_KEYS];   /* the name of each entry, in the
                                         * order the entries are walked */
} sysvirt_template_order;

/* The names of a hash's keys (key_templates.rs FieldNames). */
typedef struct {
    const char *base;   /* name k at base + k * stride, */
    size_t stride;
    size_t field_len;   /* in a field of field_len bytes */
    I32 n;
    U32 fingerprint;    /* picks the slot */
} sysvirt_field_names;

/* This interpreter's slot for those names: its template hash and order
 * (two elements of an array in PL_modglobal, made on first use). */
static SV **sysvirt_template_slot(pTHX_ const sysvirt_field_names *names)
{
    static const char key[] = "Sys::Virt::key templates";
    static U32 hash;
    SV **svp;
    if (!hash)
        hash = sysvirt_key_hash(key, sizeof key - 1);
    svp = (SV **)hv_common_key_len(PL_modglobal, key, sizeof key - 1,
                                   HV_FETCH_JUST_SV | HV_FETCH_LVALUE, NULL, hash);
    if (!svp)
        return NULL;
    if (!SvROK(*svp)) {
        AV *av = newAV();
        SV *rv;
        av_fill(av, 2 * SYSVIRT_TEMPLATE_SLOTS - 1);
        rv = newRV_noinc((SV *)av);
        sv_setsv(*svp, rv);
        SvREFCNT_dec(rv);
    }
    if (SvTYPE(SvRV(*svp)) != SVt_PVAV || AvFILLp((AV *)SvRV(*svp)) != 2 * SYSVIRT_TEMPLATE_SLOTS - 1)
        return NULL;
    return AvARRAY((AV *)SvRV(*svp)) + 2 * (names->fingerprint % SYSVIRT_TEMPLATE_SLOTS);
}

/* Is name k (NUL-terminated in its field) the key of `he`? */
static int sysvirt_name_is_key(const sysvirt_field_names *names, I32 k, const HE *he)
{
    const char *f = names->base + k * names->stride;
    const I32 len = HeKLEN(he);
    return len >= 0 && (size_t)len < names->field_len && f[len] == '\0'
        && memcmp(f, HeKEY(he), len) == 0;
}

/* The template of those names: 0 found (*tmpl and *order set); else 1 if
 * its slot may take a new template, 2 if the slot keeps the one it has
 * (used since its last miss). */
int sysvirt_template_find(pTHX_ const sysvirt_field_names *names, HV **tmpl, const U16 **order)
{
    SV **slot = sysvirt_template_slot(aTHX_ names);
    HV *hv;
    sysvirt_template_order *o;
    STRLEN i;
    I32 k = 0;
    if (!slot)
        return 2;
    hv = (HV *)slot[0];
    if (!hv || SvTYPE(hv) != SVt_PVHV || !slot[1] || !SvPOK(slot[1]))
        return 1;
    o = (sysvirt_template_order *)SvPVX(slot[1]);
    if (o->fingerprint != names->fingerprint || o->n != names->n)
        goto miss;
    for (i = 0; i <= HvMAX(hv); i++) {
        const HE *he;
        for (he = HvARRAY(hv)[i]; he; he = HeNEXT(he)) {
            if (k >= o->n || !sysvirt_name_is_key(names, o->order[k], he))
                goto miss;
            k++;
        }
    }
    if (k != o->n)
        goto miss;
    o->used = 1;
    *tmpl = hv;
    *order = o->order;
    return 0;
miss:
    if (o->used) {
        o->used = 0;
        return 2;
    }
    return 1;
}

/* A copy of template `tmpl` whose k-th entry walked holds vals[k] (the
 * references are taken over). */
HV *sysvirt_hv_from_template(pTHX_ HV *tmpl, SV **vals)
{
    HV *hv = newHVhv(tmpl);
    STRLEN i;
    I32 k = 0;
    /* newHVhv copies bucket by bucket, each chain in order: the copy is
     * walked in the template's order. */
    for (i = 0; i <= HvMAX(hv); i++) {
        HE *he;
        for (he = HvARRAY(hv)[i]; he; he = HeNEXT(he))
            HeVAL(he) = vals[k++];
    }
    return hv;
}

/* Makes `built`, a hash just made of those names, their template, if it
 * has one key per name. */
void sysvirt_template_store(pTHX_ const sysvirt_field_names *names, HV *built)
{
    SV **slot = sysvirt_template_slot(aTHX_ names);
    HV *tmpl;
    SV *osv;
    sysvirt_template_order *o;
    STRLEN i;
    I32 k = 0;
    if (!slot || names->n <= 0 || names->n > SYSVIRT_TEMPLATE_KEYS || SvMAGICAL((SV *)built)
        || HvTOTALKEYS(built) != (STRLEN)names->n)
        return;
    tmpl = newHVhv(built);
    osv = newSV(sizeof(sysvirt_template_order));
    SvPOK_on(osv);
    SvCUR_set(osv, sizeof(sysvirt_template_order));
    o = (sysvirt_template_order *)SvPVX(osv);
    o->fingerprint = names->fingerprint;
    o->n = names->n;
    o->used = 0;
    for (i = 0; i <= HvMAX(tmpl); i++) {
        HE *he;
        for (he = HvARRAY(tmpl)[i]; he; he = HeNEXT(he)) {
            I32 j = 0;
            while (j < names->n && !sysvirt_name_is_key(names, j, he))
                j++;
            if (j == names->n)
                o->n = -1;  /* cannot be (its keys are the names): never used */
            o->order[k++] = (U16)(j < names->n ? j : 0);
            /* a plain number or string we made: nothing runs when freed */
            SvREFCNT_dec(HeVAL(he));
            HeVAL(he) = &PL_sv_undef;
        }
    }
    /* The template and order they replace hold no code to run either. */
    SvREFCNT_dec(slot[0]);
    SvREFCNT_dec(slot[1]);
    slot[0] = (SV *)tmpl;
    slot[1] = osv;
}

/* Removes the first element, handing its reference to the caller (NULL
 * when empty). */
SV *sysvirt_av_shift_noinc(pTHX_ AV *av)
{
    return av_count(av) > 0 ? av_shift(av) : NULL;
}

/* Takes over the reference to val. */
void sysvirt_av_push(pTHX_ AV *av, SV *val) { av_push(av, val); }

SV *sysvirt_bless(pTHX_ SV *rv, const char *pkg)
{
    return sv_bless(rv, gv_stashpv(pkg, GV_ADD));
}

/* ------------------------------------------------------------------ */
/* Reading values.  Plain values take the fast path; anything magical  */
/* or overloaded, or a conversion that may warn, runs under JMPENV.    */

typedef struct {
    IV iv;
    UV uv;
    NV nv;
    const char *pv;
    STRLEN len;
    int defined;
    int truth;
} sysvirt_scalar;

enum { SYSVIRT_IV = 1, SYSVIRT_UV, SYSVIRT_NV, SYSVIRT_PV, SYSVIRT_BOOL, SYSVIRT_DEFINED };

typedef struct {
    SV *sv;
    int what;
    sysvirt_scalar *out;
} sysvirt_read;

static void sysvirt_read_nomg(pTHX_ SV *sv, int what, sysvirt_scalar *out)
{
    out->defined = SvOK(sv) ? 1 : 0;
    switch (what) {
    case SYSVIRT_IV: out->iv = SvIV_nomg(sv); break;
    case SYSVIRT_UV: out->uv = SvUV_nomg(sv); break;
    case SYSVIRT_NV: out->nv = SvNV_nomg(sv); break;
    case SYSVIRT_PV: out->pv = SvPV_nomg(sv, out->len); break;
    case SYSVIRT_BOOL: out->truth = SvTRUE_nomg(sv) ? 1 : 0; break;
    default: break;
    }
}

static void sysvirt_read_op(pTHX_ void *p)
{
    sysvirt_read *r = (sysvirt_read *)p;
    SvGETMAGIC(r->sv);
    sysvirt_read_nomg(aTHX_ r->sv, r->what, r->out);
}

int sysvirt_sv_read(pTHX_ SV *sv, int what, sysvirt_scalar *out)
{
    sysvirt_read r = { sv, what, out };

    if (!SvGMAGICAL(sv) && !SvAMAGIC(sv)) {
        out->defined = SvOK(sv) ? 1 : 0;
        switch (what) {
        case SYSVIRT_IV:
            if (SvIOK(sv) && !SvIsUV(sv)) { out->iv = SvIVX(sv); return 0; }
            break;
        case SYSVIRT_UV:
            if (SvIOK(sv) && (SvIsUV(sv) || SvIVX(sv) >= 0)) { out->uv = SvUVX(sv); return 0; }
            break;
        case SYSVIRT_PV:
            if (SvPOK(sv)) { out->pv = SvPVX(sv); out->len = SvCUR(sv); return 0; }
            break;
        case SYSVIRT_BOOL:
            if (!SvROK(sv)) { out->truth = SvTRUE_nomg(sv) ? 1 : 0; return 0; }
            break;
        case SYSVIRT_DEFINED:
            return 0;
        default:
            break;
        }
    }
    return sysvirt_protected(aTHX_ sysvirt_read_op, &r);
}

/* Dereference: the HV/AV/CV behind a reference, or NULL. */
HV *sysvirt_deref_hv(pTHX_ SV *sv)
{
    return (SvROK(sv) && SvTYPE(SvRV(sv)) == SVt_PVHV) ? (HV *)SvRV(sv) : NULL;
}

AV *sysvirt_deref_av(pTHX_ SV *sv)
{
    return (SvROK(sv) && SvTYPE(SvRV(sv)) == SVt_PVAV) ? (AV *)SvRV(sv) : NULL;
}

int sysvirt_is_code_ref(pTHX_ SV *sv)
{
    return SvROK(sv) && SvTYPE(SvRV(sv)) == SVt_PVCV;
}

static void sysvirt_hv_fetch_op(pTHX_ void *p)
{
    sysvirt_access *a = (sysvirt_access *)p;
    SV **svp = hv_fetch(a->hv, a->key, a->klen, 0);
    *a->out = svp ? *svp : NULL;
}

/* *out = the value at key, or NULL if absent.  Tied hashes run FETCH. */
int sysvirt_hv_fetch_protected(pTHX_ HV *hv, const char *key, I32 klen, SV **out)
{
    sysvirt_access a = { NULL, hv, NULL, key, klen, 0, out };
    *out = NULL;
    if (!SvRMAGICAL((SV *)hv)) {
        sysvirt_hv_fetch_op(aTHX_ &a);
        return 0;
    }
    return sysvirt_protected(aTHX_ sysvirt_hv_fetch_op, &a);
}

static void sysvirt_av_len_op(pTHX_ void *p)
{
    sysvirt_access *a = (sysvirt_access *)p;
    a->index = av_top_index(a->av) + 1;
}

int sysvirt_av_len_protected(pTHX_ AV *av, SSize_t *len)
{
    sysvirt_access a = { NULL, NULL, av, NULL, 0, 0, NULL };
    int ret = 0;
    if (!SvRMAGICAL((SV *)av))
        sysvirt_av_len_op(aTHX_ &a);
    else
        ret = sysvirt_protected(aTHX_ sysvirt_av_len_op, &a);
    *len = a.index;
    return ret;
}

static void sysvirt_av_fetch_op(pTHX_ void *p)
{
    sysvirt_access *a = (sysvirt_access *)p;
    SV **svp = av_fetch(a->av, a->index, 0);
    *a->out = svp ? *svp : NULL;
}

/* *out = element i, or NULL for a hole. */
int sysvirt_av_fetch_protected(pTHX_ AV *av, SSize_t i, SV **out)
{
    sysvirt_access a = { NULL, NULL, av, NULL, 0, i, out };
    *out = NULL;
    if (!SvRMAGICAL((SV *)av)) {
        sysvirt_av_fetch_op(aTHX_ &a);
        return 0;
    }
    return sysvirt_protected(aTHX_ sysvirt_av_fetch_op, &a);
}

/* Assign a string to an existing SV (e.g. an auth callback's result),
 * running its set magic. */
static void sysvirt_setpvn_op(pTHX_ void *p)
{
    sysvirt_access *a = (sysvirt_access *)p;
    sv_setpvn_mg(a->sv, a->key, (STRLEN)a->index);
}

int sysvirt_sv_setpvn_protected(pTHX_ SV *sv, const char *p, STRLEN n)
{
    sysvirt_access a = { sv, NULL, NULL, p, 0, (SSize_t)n, NULL };
    return sysvirt_protected(aTHX_ sysvirt_setpvn_op, &a);
}

/* ------------------------------------------------------------------ */
/* Calling Perl from a libvirt callback (rule 4): always G_EVAL, and     */
/* isolated, so that even exit() unwinds only the callback.              */
/*                                                                       */
/* Perl's exit (my_exit_jump) pops every stackinfo down to the main one, */
/* unwinds every context and the whole savestack, then longjmps: from a  */
/* callback that would unwind through libvirt and Rust.  The callback    */
/* runs on a stackinfo of its own (so its contexts are popped, and the   */
/* block state of the call restored, before anything of the caller's),   */
/* and a destructor saved on the savestack just before the call is what  */
/* the unwinding reaches next: it stops the exit there, with a longjmp   */
/* back here, leaving the caller's contexts and savestack untouched.  A  */
/* die cannot get that far (G_EVAL); a die or exit that does (from code  */
/* run after the callback returned, or past a glue env of an inner call) */
/* leaves the state unwound.                                             */

typedef struct {
    volatile int armed;     /* the callback may be running */
    volatile int landed;    /* its exit was stopped by catch_exit */
    JMPENV *env;            /* our JMPENV */
    PERL_SI *si;            /* the caller's stackinfo */
    I32 scopestack_ix;      /* after our ENTER */
    I32 markstack_off;
    COP *curcop;            /* what Perl's exit changed, to restore */
    I32 statusvalue;
    U8 exit_flags;
    bool tainted;
} sysvirt_isolation;

/* The savestack destructor: runs when the callback's scope is left. */
static void sysvirt_catch_exit(pTHX_ void *p)
{
    sysvirt_isolation *iso = (sysvirt_isolation *)p;
    /* Left normally (disarmed), or no longer ours to stop: with a Rust
     * frame in between (an inner glue env) or the caller's stackinfo
     * already popped, the exit goes on and a glue env catches it. */
    if (!iso->armed || sysvirt_glue_env != iso->env || PL_curstackinfo != iso->si)
        return;
    iso->armed = 0;
    iso->landed = 1;
    PL_top_env = iso->env;
    JMPENV_JUMP(2);
}

/* Calls cb with n arguments in `context` (G_SCALAR or G_LIST).  *results
 * is a new array, ours.  Returns
 *   0: it returned; *results holds copies of the values;
 *   1: it died; *results holds a copy of $@;
 *   2: it called exit (now pending), or an exit is pending: not called;
 *   3: Perl is unwound (see above): nothing may touch Perl until the
 *      generic XSUB resumes the longjmp. */
/* Out of line: nothing of it lives in sysvirt_call_eval's frame across
 * the setjmp. */
static __attribute__((noinline)) AV *sysvirt_results_av(pTHX_ AV **results)
{
    if (!*results)
        *results = newAV();
    return *results;
}

/* What is left of the handed-over arguments once Perl is leaving (or the
 * callback did not return): settled, and made temporaries of the caller. */
static void sysvirt_release_handed(pTHX_ SV **args, I32 n, sysvirt_lent *lent)
{
    I32 i;
    if (lent)
        sysvirt_lent_settle(aTHX_ lent);
    for (i = 0; i < n; i++)
        sv_2mortal(args[i]);
    if (lent && lent->obj) {
        sv_2mortal(lent->obj);
        lent->obj = NULL;
    }
}

/* With hand_over, one reference to each argument is ours: released
 * right after the call, still under its env and armed (a DESTROY may die
 * or exit), or made temporaries of the caller when Perl is leaving.  A
 * lent handle among them (lent, or NULL) is settled first. */
int sysvirt_call_eval(pTHX_ SV *cb, SV **args, I32 n, I32 context, int hand_over,
                      sysvirt_lent *lent, AV **results)
{
    dJMPENV;
    int ret;
    volatile int outcome = 0;
    /* handed-over arguments released so far (counted before each) */
    volatile I32 released = hand_over ? 0 : n;
    sysvirt_isolation iso;
    /* a die of an event loop's method kept before: put aside meanwhile */
    SV *const hook_failure = sysvirt_hook_failure;
    I32 i;
    /* made only for values to return (none with G_DISCARD) or a die */
    *results = NULL;
    if (SYSVIRT_LEAVING()) {
        sysvirt_release_handed(aTHX_ args + released, n - released, lent);
        return sysvirt_unwound ? 3 : 2;
    }
    sysvirt_hook_failure = NULL;

    ENTER;
    SAVETMPS;
    iso.scopestack_ix = PL_scopestack_ix;
    iso.markstack_off = (I32)(PL_markstack_ptr - PL_markstack);
    iso.armed = 0;
    iso.landed = 0;
    iso.env = NULL;
    iso.si = PL_curstackinfo;
    iso.curcop = PL_curcop;
    iso.statusvalue = PL_statusvalue;
    iso.exit_flags = PL_exit_flags;
    iso.tainted = TAINT_get;
    SAVEDESTRUCTOR_X(sysvirt_catch_exit, &iso);
    {
        SYSVIRT_ENTER_PERL(ret);
        if (ret == 0) {
            dSP;    /* PUSHSTACKi saves the caller's stack pointer from sp */
            I32 count;
            iso.env = PL_top_env;
            PUSHSTACKi(PERLSI_MAGIC);
            SPAGAIN;
            PUSHMARK(SP);
            EXTEND(SP, n);
            for (i = 0; i < n; i++)
                PUSHs(args[i]);
            PUTBACK;
            iso.armed = 1;
            count = call_sv(cb, context | G_EVAL);
            SPAGAIN;
            /* no get magic or overloading: no Perl code runs from here */
            if (SvROK(ERRSV) || SvTRUE_nomg(ERRSV)) {
                outcome = 1;
                av_push(sysvirt_results_av(aTHX_ results), newSVsv_nomg(ERRSV));
            } else if (count > 0) {
                AV *const out = sysvirt_results_av(aTHX_ results);
                av_extend(out, count);
                for (i = 0; i < count; i++)
                    av_store(out, i, newSVsv_nomg(*(SP - count + 1 + i)));
            }
            SP -= count;
            PUTBACK;
            POPSTACK;
            /* a DESTROY may exit: still armed */
            if (lent)
                sysvirt_lent_settle(aTHX_ lent);
            while (released < n) {
                SV *const sv = args[released++];
                SvREFCNT_dec(sv);
            }
            if (lent && lent->obj) {
                SV *const obj = lent->obj;
                lent->obj = NULL;
                SvREFCNT_dec(obj);
            }
            FREETMPS;
            iso.armed = 0;
        } else if (iso.landed) {
            /* The callback called exit: only its own frames are gone
             * (the block state was restored by the unwinding, these two
             * are for an exit from a DESTROY run by our FREETMPS, whose
             * ENTER is left over). */
            PL_scopestack_ix = iso.scopestack_ix;
            PL_markstack_ptr = PL_markstack + iso.markstack_off;
            sysvirt_exit_pending = 1;
            sysvirt_exit_status = PL_statusvalue;
            PL_statusvalue = iso.statusvalue;
            PL_exit_flags = iso.exit_flags;
            PL_curcop = iso.curcop;
            TAINT_set(iso.tainted);
            outcome = 2;
            ret = 0;    /* stopped here: not unwound */
        } else {
            iso.armed = 0;
            outcome = 3;
        }
        SYSVIRT_LEAVE_PERL(ret);
    }
    /* not released above: left to the caller's FREETMPS */
    sysvirt_release_handed(aTHX_ args + released, n - released, lent);
    /* The earlier die wins (one kept since was raised by the XS call it
     * happened in, unless Perl was leaving it). */
    if (hook_failure) {
        if (sysvirt_hook_failure)
            sv_2mortal(sysvirt_hook_failure);
        sysvirt_hook_failure = hook_failure;
    }
    if (outcome != 3)
        LEAVE;      /* the callback's temporaries are left to the caller's FREETMPS */
    return outcome;
}

int sysvirt_g_scalar(void) { return G_SCALAR; }
/* Scalar context, as the original calls event callbacks; the value is
 * dropped by Perl, not copied for us. */
int sysvirt_g_scalar_discard(void) { return G_SCALAR | G_DISCARD; }
int sysvirt_g_list(void) { return G_LIST; }

int sysvirt_handle_arg(pTHX_ I32 ax, I32 i, U16 classid, void **ptr)
{
    return sysvirt_handle_get(aTHX_ sysvirt_stack_arg(aTHX_ ax, i), classid, ptr);
}

/* For DESTROY: returns the pointer and clears it (the handle stays valid
 * with a NULL pointer, which libvirt rejects), so it is freed once.  A
 * lent handle owns no reference: cleared the same, NULL returned. */
void *sysvirt_handle_take(pTHX_ SV *sv, U16 classid)
{
    void *ptr = NULL;
    SV *const obj = sysvirt_blessed_scalar(sv);
    if (!obj)
        return NULL;
    if (sysvirt_sealed(obj, classid))
        ptr = INT2PTR(void *, SvIVX(obj));
    else if (!sysvirt_sealed_lent(obj, classid))
        return NULL;
    sysvirt_handle_clear(obj, classid);
    return ptr;
}

/* ------------------------------------------------------------------ */
/* Lent handles.  The object of an event (a domain, network...) is     */
/* libvirt's for the length of the callback.  The original takes a      */
/* reference for every event's object (virDomainRef) and drops it when */
/* the object is destroyed (virDomainFree), two calls into libvirt that */
/* each format a debug line: about a quarter of an event's cost.  A     */
/* lent handle holds libvirt's pointer without a reference, and once    */
/* the callback has returned (sysvirt_call_eval) it is settled: when    */
/* Perl code kept the object (any reference beyond the argument's and   */
/* ours, or magic such as a weak reference's), the object takes its own */
/* reference then, before libvirt drops its; otherwise it is cleared,   */
/* so the DESTROY that follows frees nothing.  Methods accept a lent    */
/* handle (sysvirt_handle_check); DESTROY clears it, freeing nothing.   */

SV *sysvirt_handle_new_lent(pTHX_ const char *pkg, void *ptr, U16 classid, sysvirt_lent *lent)
{
    SV *rv = newSV(0);
    sysvirt_handle_set(aTHX_ rv, pkg, ptr, classid,
                       sysvirt_seal(PTR2UV(ptr), classid) + SYSVIRT_LENT_MARK);
    lent->rv = rv;
    lent->obj = SvREFCNT_inc_simple_NN(SvRV(rv));
    lent->ptr = ptr;
    lent->classid = classid;
    lent->settled = 0;
    return rv;
}

/* No Perl code runs. */
void sysvirt_lent_settle(pTHX_ sysvirt_lent *lent)
{
    SV *const obj = lent->obj;
    SV *const rv = lent->rv;
    int via_arg, kept;
    if (lent->settled || !obj)
        return;
    lent->settled = 1;
    /* Changed by Perl code into something else: holds nothing of ours. */
    if (SvTYPE(obj) != SVt_PVMG || !sysvirt_sealed_lent(obj, lent->classid) ||
        INT2PTR(void *, SvIVX(obj)) != lent->ptr)
        return;
    /* the references we know of: ours, and the argument's if it still
     * points to the object */
    via_arg = SvROK(rv) && SvRV(rv) == obj;
    kept = SvREFCNT(obj) > (U32)(1 + via_arg) || SvMAGICAL(obj) ||
           (via_arg && (SvREFCNT(rv) > 1 || SvMAGICAL(rv)));
    if (kept && lent->take_ref(lent->ptr) == 0) {
        sysvirt_set_seal(obj, sysvirt_seal(PTR2UV(lent->ptr), lent->classid));
    } else {
        /* a destroyed object (libvirt refused a reference: methods
         * raise its invalid-object error) */
        sysvirt_handle_clear(obj, lent->classid);
    }
}

/* ------------------------------------------------------------------ */
/* Hooks libvirt calls without user data (virEventRegisterImpl's).     */

/* The interpreter running on this thread (dTHX), or NULL on a thread  */
/* perl does not know. */
void *sysvirt_current_interpreter(void)
{
    return (void *)PERL_GET_CONTEXT;
}

/* The named sub (a CV, usable as the callback of sysvirt_call_eval),  */
/* or NULL when it is not defined.  No Perl code runs. */
SV *sysvirt_get_cv(pTHX_ const char *name)
{
    return (SV *)get_cv(name, 0);
}

/* The scalar behind a reference to a plain scalar (\$x), or NULL. */
SV *sysvirt_deref_scalar(pTHX_ SV *sv)
{
    return (SvROK(sv) && SvTYPE(SvRV(sv)) < SVt_PVAV) ? SvRV(sv) : NULL;
}
