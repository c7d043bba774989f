# L'interface de Downtime en français. Mêmes clés que en.ftl, dans le même ordre.

## The catalogue's own test
test-plural = { $n ->
    [one] { $n } décision
   *[other] { $n } décisions
}

## Fixed words of the format and the engine (src/i18n/terms.rs)
severity-info = info
severity-low = faible
severity-medium = moyenne
severity-high = haute
severity-critical = critique
channel-phone = Appel téléphonique
channel-email = Courriel
channel-in-person = En personne
channel-radio = Radio / bip
channel-press = Presse
channel-social = Réseaux sociaux
channel-ransom-note = Demande de rançon
channel-official = Officiel
channel-alert = Alerte
channel-report = Rapport
channel-other = Message
system-up = en service
system-degraded = dégradé
system-down = à l’arrêt
system-isolated = isolé
system-restoring = en restauration
system-restored = restauré
rating-p = Réalisé sans difficulté
rating-s = Réalisé avec quelques difficultés
rating-m = Réalisé avec des difficultés majeures
rating-u = Non réalisable
rating-none = Non évalué (aucune vérification applicable)
yes = oui
no = non
pick-exactly = en choisir { $n }
pick-range = en choisir de { $min } à { $max }
objective-summary = { $rated } ; { $suggested }
objective-pending = en attente de l’évaluateur
objective-no-suggestion = aucune suggestion (aucune vérification applicable)
objective-suggested = suggéré { $rating } ({ $met } vérification(s) remplie(s) sur { $applicable })
