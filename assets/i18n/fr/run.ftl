## Transcripts of `run` and `--interactive` (src/headless/transcript.rs)
run-header = Downtime : { $title } ({ $id } { $version }), graine { $seed }, stratégie { $policy }
run-parameters = paramètres : { $list }
run-attachment = pièce jointe { $name } :
run-discuss = à discuter : { $question }
run-started = exercice commencé
run-phase-break = pause entre phases : la suivante est « { $title } »
run-phase-began = == phase { $n } : { $title }
run-to-facilitator = l’animateur seulement
run-to-all = toutes les équipes
run-from = { $channel } — { $sender }
run-curveball-hidden = {" "}(imprévu, caché)
run-curveball = {" "}(imprévu)
run-hidden = {" "}(caché)
run-inject = { $symbol } MESSAGE { $id } « { $title } » [{ $severity } ; { $how } ; à { $to }]{ $mark }
run-inject-skipped = le message { $id } n’a pas eu lieu (tirage au sort)
run-inject-prevented = évité : { $id } « { $title } » ({ $reason })
run-prevented-guard = sa condition `unless` est vraie
run-prevented-lapsed = sa condition n’est plus vraie ; il l’attend de nouveau
run-inject-cancelled = annulé : { $id } « { $title } »
run-decision = DÉCISION { $id } pour { $team } : { $prompt }
run-pick = {" "}({ $words })
run-chose = CHOIX { $id } : { $n }. { $label }{ $mark }
run-chose-timeout = {" "}(temps écoulé : option par défaut)
run-vote = vote sur { $id } par { $who } : { $picked }
run-action = ACTION { $id } : { $label }
run-action-by = ACTION { $id } par { $team } : { $label }
run-outcome = conséquence : { $label }
run-outcome-text = conséquence : { $label } : { $text }
run-system = système { $name } : { $from } -> { $to }
run-service = service { $name } : { $from } -> { $to }
run-deadline-started = échéance lancée : { $label } (pour { $due })
run-deadline-met = échéance tenue : { $label }
run-deadline-missed = ÉCHÉANCE MANQUÉE : { $label }
run-random-event = événement aléatoire : { $label }
run-check-met = vérification remplie : { $title }
run-check-missed = vérification manquée : { $title }
run-paused = en pause
run-resumed = reprise
run-rated = objectif { $id } évalué { $rating }
run-rated-note = objectif { $id } évalué { $rating } : { $note }
run-rated-unknown = objectif évalué
run-note = note : { $text }
run-note-unknown = note ajoutée
run-overridden = { $label } fixé par l’animateur : { $from } -> { $to }
run-undone = ANNULÉ { $id } : { $label }
run-rewound = RETOUR juste avant l’entrée { $entry } ({ $n } { $n ->
    [one] commande reprise
   *[other] commandes reprises
})
run-ending-held = fin { $id } atteinte, en attente des décisions ouvertes (y répondre, ou confirmer la fin)
run-ended = FIN { $id } : { $title }
run-no-score = PAS DE SCORE (exercice de discussion : vérifications et évaluations seulement)
run-score = SCORE { $score }/100
run-score-grade = SCORE { $score }/100, niveau { $grade }
run-score-grade-label = SCORE { $score }/100, niveau { $grade } ({ $label })
run-score-part = { $label } : { $value } (poids { $weight }, { $points } points)
run-checks = VÉRIFICATIONS
run-check-met-at = remplie à { $at }
run-check-missed-at = manquée à { $at }
run-check-open = ouverte
run-check-na = sans objet
run-objectives = OBJECTIFS

## The plain-line protocol of `run --interactive` and `host` (src/headless/interactive.rs)
ask-host-help = Lignes : start (au briefing), next (jusqu’au message suivant), step, pause, resume, continue (entre deux phases),
    N ou choose N (prendre la décision ouverte), curveball MESSAGE (le déclencher), note TEXTE, undo,
    end [RAISON], confirm-ending, une ligne vide (où en est l’exercice), q (arrêter l’hôte).
ask-ended = L’exercice est terminé ; les postes affichent la fin.
ask-ended-prompt = Tapez q pour arrêter l’hôte (ou note TEXTE) :{" "}
ask-briefing = Briefing : les postes sont ouverts. Tapez seats pour les lister.
ask-briefing-prompt = Tapez start quand la salle a rejoint (ou help, ou q) :{" "}
ask-break = Pause entre phases. Ensuite : { $title }.
ask-break-prompt = Tapez continue pour la commencer (ou note TEXTE, ou q pour arrêter) :{" "}
ask-break-again = Tapez continue pour commencer « { $title } ».
ask-paused = (en pause)
ask-running-prompt = Tapez next, step, pause, resume, note TEXTE, help ou q :{" "}
ask-several = (plusieurs réponses : { $words }, numéros séparés par des espaces)
ask-votes = { $n } { $n ->
    [one] vote
   *[other] votes
}
ask-not-available = indisponible : { $why }
ask-host-choice = Choisissez 1-{ $n } pour l’équipe, ou attendez son responsable (next, step, pause, note TEXTE, ligne vide pour actualiser, q) :{" "}
ask-choice = Votre choix (1-{ $n }, ou note TEXTE, ou q pour arrêter) :{" "}
ask-option-unavailable = Cette option est indisponible : { $why }
ask-number = Tapez un numéro de 1 à { $n }.
ask-number-or-help = Tapez un numéro de 1 à { $n }, ou help.
ask-retry = Appuyez sur Entrée pour réessayer, ou q pour arrêter :{" "}
ask-not-done = Non fait : { $why }
ask-stopped = Arrêté à { $at }. Rien n’est perdu : reprenez avec `downtime run --interactive --resume JOURNAL`.
ask-pick-count = Cette décision demande d’{ $words } (numéros séparés par des espaces).
ask-not-together = Ces options ne peuvent pas être prises ensemble : { $why }

## The summary of `simulate` (src/simulate/report.rs)
sim-header = Simulation de « { $title } » ({ $id }) : { $runs } parties, stratégie { $policy }, graine { $seed }
sim-param-set = {" "}(fixé)
sim-completed = { $completed } parties terminées sur { $runs } ; en moyenne { $decisions } décisions et { $duration } de temps de scénario par partie
sim-no-option = la décision { $id } n’avait aucune option disponible dans { $runs } { $runs ->
    [one] partie
   *[other] parties
}
sim-failed = ÉCHEC de { $failed } parties ; la première : partie { $run } (graine { $seed }) : { $message }
sim-endings = Fins
sim-score = Score
sim-score-line = moyenne { $mean }   p5 { $p5 }   p50 { $p50 }   p95 { $p95 }   (min { $min }, max { $max })
sim-grades = Niveaux
sim-checks = Vérifications des bonnes pratiques (taux : remplies / parties où la vérification s’appliquait)
sim-na = s.o.
sim-check-counts = { $met } remplies, { $missed } manquées
sim-check-na = { $n } sans objet
sim-coverage = Couverture
sim-none = aucun
sim-never-fired = messages jamais envoyés :
sim-never-chosen = options jamais choisies :
sim-never-reached = fins jamais atteintes :
sim-never-started = échéances jamais lancées :
sim-never-seen = événements aléatoires jamais vus :
sim-never-taken = actions jamais prises :
sim-never-opened = décision jamais ouverte
sim-opened-in = décision ouverte dans { $n } parties
sim-decisions-scored = Quelles décisions comptent (score moyen quand l’option est choisie, et son écart avec les parties qui ont décidé autrement)
sim-decisions = Décisions (fréquence de chaque option ; pas de score)
sim-opened-taken = ouverte dans { $opened } parties, prise dans { $taken }
sim-runs = { $runs } parties
sim-impact = moyenne { $mean }  effet { $impact }  (contre { $others } parties)
sim-by-timeout = { $n } par délai écoulé
sim-points = { $n } points
sim-spread = plus grand écart entre la meilleure et la pire option : { $list }
sim-actions-scored = Actions (parties où chacune a été prise, usages moyens par partie, score moyen de ces parties et son écart avec celles qui ne l’ont jamais prise)
sim-actions = Actions (parties où chacune a été prise, et usages moyens par partie ; pas de score)
sim-uses = { $uses } usages/partie

## simulate --balance (src/simulate/balance.rs)
balance-header = Équilibre de « { $title } » ({ $id }) : { $runs } parties par simulation, graine { $seed }
balance-means = score moyen : bonnes pratiques { $best }, jeu au hasard { $random }
balance-best-spread = part du hasard sous les bonnes pratiques : { $figure } points entre les 5e et 95e centiles du score (au plus { $limit })
balance-best-same = bonnes pratiques dans leur note (ou fin) la plus fréquente : { $figure } des parties (au moins { $limit })
balance-best-over-random = avance des bonnes pratiques sur le jeu au hasard : { $figure } points (au moins { $limit })
balance-recommended-best = chaque option recommandée, seule face aux bonnes pratiques, est la meilleure de sa décision : au plus { $figure } points derrière une autre option (au plus { $limit })
balance-decisions-matter = chaque décision compte au hasard : au moins { $figure } points entre sa meilleure et sa pire option (au moins { $limit })
balance-params-matter = chaque paramètre change le jeu des bonnes pratiques (score moyen de 1 point ou une fin de 5 points) : le plus faible atteint { $figure } fois cela
balance-endings-reached = chaque fin est atteinte au hasard : la plus rare dans { $figure } des parties (au moins { $limit })
balance-endings-spread = aucune fin ne domine le jeu au hasard : la plus fréquente dans { $figure } des parties (au plus { $limit })
balance-first-is-not-best = les premières options ne sont pas les bonnes pratiques : la politique `first` choisit comme les bonnes pratiques dans { $figure } des parties (aucune)
balance-behind = { $decision } : { $option } obtient { $figure } points de plus
balance-summary = { $held } règles sur { $rules } tenues
balance-impacts = Chaque option seule face aux bonnes pratiques (★ recommandée ; score moyen, et son écart aux bonnes pratiques)

## run's journal line (src/cli/run.rs)
run-journal = journal : { $path }
run-journal-resumed = journal : { $path } (repris, { $n ->
    [one] { $n } entrée
   *[other] { $n } entrées
})

## Loading a scenario (src/output.rs)
load-no-translation = attention : { $path } n’a pas de traduction `{ $asked }` ; il est joué en `{ $language }`
load-has-errors = { $path } : inutilisable tant que ses erreurs ne sont pas corrigées
load-errors = le scénario a des erreurs

## A journal's scenario found again (src/journal/source.rs)
warning-line = attention : { $text }
source-scenario-changed = le scénario { $origin } a changé depuis l’enregistrement du journal (version { $then } alors, { $now } maintenant) ; l’exercice a été rejoué avec le fichier actuel et peut différer de ce que la salle a vu
source-translation-changed = la traduction `{ $language }` de { $origin } a changé depuis l’enregistrement du journal (ou est introuvable) ; le rapport montre les textes actuels, qui peuvent différer de ce que la salle a vu

## The manual page's section headings (src/cli/man.rs)
man-name = NOM
man-synopsis = SYNOPSIS
man-description = DESCRIPTION
man-options = OPTIONS
man-commands = COMMANDES
man-extra = COMPLÉMENTS
man-version = VERSION
man-authors = AUTEURS

## check's summary
check-ok = ok : { $file }
check-summary = { $files ->
    [one] { $files } fichier vérifié
   *[other] { $files } fichiers vérifiés
} : { $clean } sans remarque, { $errors ->
    [one] { $errors } erreur
   *[other] { $errors } erreurs
}, { $warnings ->
    [one] { $warnings } avertissement
   *[other] { $warnings } avertissements
}

# host and start-up (issue 17)
host-listening = hôte : à l’écoute sur { $addr }
host-ssh-listening = ssh : à l’écoute sur { $addr } ; clé d’hôte { $key } ({ $path })
host-ssh-listening-created = ssh : à l’écoute sur { $addr } ; clé d’hôte { $key } ({ $path }, créée à l’instant)
host-ssh-users = ssh : le nom d’utilisateur choisit le poste (l’identifiant d’une équipe, ou presenter) ; le mot de passe est son code d’accès
host-tls-on = hôte : TLS activé : le trafic des postes est chiffré
host-no-tls = attention : pas de TLS : le trafic entre les postes et cet hôte n’est pas chiffré ; n’importe qui sur le réseau peut le lire. Utilisez un réseau fermé, ou --tls-cert et --tls-key.
host-seats-file = fichier des postes : { $path }
host-seats-file-unwritable = impossible d’écrire le fichier des postes { $path } : { $error }
host-seats-file-not-updated = impossible de mettre à jour le fichier des postes { $path } : { $error }
host-no-runtime = impossible de démarrer l’environnement d’exécution de l’hôte : { $error }
host-cannot-listen = impossible d’écouter sur { $addr } : { $error }
host-no-address = impossible de lire l’adresse d’écoute : { $error }
host-no-owner = impossible de démarrer le fil d’exécution de l’exercice : { $error }
host-stopped-at-once = l’hôte s’est arrêté aussitôt
host-stopped = l’hôte s’est arrêté
host-journal = journal : { $path }
host-seat = poste :
host-joined = ont rejoint : { $names }
host-joined-lead = ont rejoint : { $names } (responsable { $lead })
host-rotated = { $seat } a un nouveau lien et un nouveau code ; ceux qui l’avaient rejoint sont déconnectés.
host-lead = { $voter } est désormais responsable de { $team }.
host-no-team = pas d’équipe `{ $team }`
host-no-member = aucun membre `{ $voter }` n’a rejoint l’équipe `{ $team }`
host-no-seat = pas de poste `{ $who }` : donnez l’identifiant d’une équipe, ou presenter
host-help = seats (liens, codes, qui a rejoint), rotate ÉQUIPE|presenter (nouveau lien et code), lead ÉQUIPE VOTANT.
present-following = downtime present : suit { $path }
present-waiting-folder = downtime present : aucune console n’a encore d’exercice ouvert dans { $dir } ; en attente (Ctrl-C pour arrêter)
present-no-journal = downtime present : { $path } n’existe pas (donnez un journal, un dossier de journaux, ou --latest)
present-waiting-journal = downtime present : en attente de { $path } (la console le crée quand l’exercice commence ; Ctrl-C pour arrêter)
present-needs-terminal = downtime : la vue de présentation a besoin d’un terminal
play-journal-exists = downtime play : { $path } existe déjà ; passez --resume { $path } pour le continuer, ou un autre --journal
play-seats-need-scenario = downtime play : --seats demande un fichier de scénario (ou --resume JOURNAL) : les postes sont servis pour un seul exercice
console-needs-terminal = downtime : la console a besoin d’un terminal ; utilisez `downtime run --interactive SCENARIO` pour jouer à une invite simple, `downtime host SCENARIO --seats ADDR` pour servir les postes sans terminal, ou `downtime run` pour une transcription
console-unusable-terminal = downtime : ce terminal (TERM={ $term }) ne peut pas afficher la console ; utilisez `downtime run --interactive SCENARIO` pour jouer à une invite simple
console-no-signals = downtime : impossible de gérer les signaux : { $error }
console-no-terminal-setup = downtime : impossible de préparer le terminal : { $error }
console-terminal-error = downtime : erreur du terminal : { $error }
exit-journal = Journal : { $path }
exit-report = Rapport : downtime report { $path }
exit-resume = Reprendre : downtime play --resume { $path }
host-ssh-key-unreadable = impossible de lire la clé d’hôte SSH { $path } : { $error }
host-ssh-key-not-ed25519 = la clé d’hôte SSH { $path } n’est pas une clé ed25519
host-ssh-key-not-private = la clé d’hôte SSH { $path } est lisible par d’autres et ne peut pas être rendue privée : { $error }
host-ssh-key-unencodable = impossible d’encoder la clé d’hôte SSH : { $error }
host-ssh-key-unwritable = impossible d’écrire la clé d’hôte SSH { $path } : { $error }
host-no-random = pas de source d’aléa : { $error }
host-ssh-cannot-listen = impossible d’écouter sur { $addr } pour SSH : { $error }
host-ssh-no-address = impossible de lire l’adresse d’écoute SSH : { $error }
host-said = hôte : { $text }
