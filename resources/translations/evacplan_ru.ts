<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en_GB">
<context>
    <name>ActionsMixin</name>
    <message>
        <location filename="../../ui/window/actions.py" line="55" />
        <source>&amp;New plan…</source>
        <translation>&amp;Новый план…</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="56" />
        <source>&amp;Open…</source>
        <translation>&amp;Открыть…</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="57" />
        <source>&amp;Save</source>
        <translation>&amp;Сохранить</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="58" />
        <source>Save &amp;as…</source>
        <translation>Сохранить &amp;как…</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="59" />
        <source>Start page</source>
        <translation>Стартовая страница</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="60" />
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="62" />
        <source>&amp;Compute</source>
        <translation>&amp;Рассчитать</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="62" />
        <source>Route and schedule the plan (F5)</source>
        <translation>Проложить маршруты и составить расписание для плана (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="65" />
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="65" />
        <source>Cancel the running work (Esc)</source>
        <translation>Отменить текущую работу (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="73" />
        <source>Duplicate plan as &amp;variant</source>
        <translation>Копия плана как &amp;вариант</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="77" />
        <source>A what-if variant of this plan: record map edits into it, run, compare</source>
        <translation>Вариант «что, если» этого плана: запишите в него изменения на карте, запустите, сравните</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="79" />
        <source>Open variants file…</source>
        <translation>Открыть файл вариантов…</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="81" />
        <source>&amp;Run variants</source>
        <translation>&amp;Запустить варианты</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="85" />
        <source>Compute the base and every variant and sweep, and compare them</source>
        <translation>Рассчитать базовый план, каждый вариант и серию и сравнить их</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="87" />
        <source>Hide variant routes</source>
        <translation>Скрыть маршруты варианта</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="88" />
        <source>Fit to plan</source>
        <translation>Весь план</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="89" />
        <source>Fit to network</source>
        <translation>Вся сеть</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="90" />
        <source>Use network from the store…</source>
        <translation>Выбрать сеть из хранилища…</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="91" />
        <source>Import OSM file…</source>
        <translation>Импортировать файл OSM…</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="92" />
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="94" />
        <source>About evacplan</source>
        <translation>О программе evacplan</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="115" />
        <location filename="../../ui/window/actions.py" line="206" />
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="117" />
        <location filename="../../ui/window/actions.py" line="211" />
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="126" />
        <location filename="../../ui/window/actions.py" line="207" />
        <location filename="../../ui/window/actions.py" line="208" />
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="127" />
        <location filename="../../ui/window/actions.py" line="212" />
        <location filename="../../ui/window/actions.py" line="213" />
        <source>Redo</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="133" />
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="135" />
        <source>Open &amp;recent</source>
        <translation>Недавние &amp;планы</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="139" />
        <source>&amp;Export</source>
        <translation>&amp;Экспорт</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="145" />
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="150" />
        <source>Preferences…</source>
        <translation>Настройки…</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="153" />
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="156" />
        <source>&amp;Tools</source>
        <translation>&amp;Инструменты</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="158" />
        <source>&amp;Plan</source>
        <translation>П&amp;лан</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="162" />
        <source>&amp;Networks</source>
        <translation>&amp;Сети</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="165" />
        <source>Fetch from OpenStreetMap</source>
        <translation>Загрузить из OpenStreetMap</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="169" />
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="191" />
        <source>Tool: select</source>
        <translation>Инструмент: выбор</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="206" />
        <source>&amp;Undo {edit}</source>
        <translation>&amp;Отменить: {edit}</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="208" />
        <source>Undo {edit}</source>
        <translation>Отменить: {edit}</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="211" />
        <source>&amp;Redo {edit}</source>
        <translation>&amp;Повторить: {edit}</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="213" />
        <source>Redo {edit}</source>
        <translation>Повторить: {edit}</translation>
    </message>
</context>
<context>
    <name>ConvoyLayer</name>
    <message>
        <location filename="../../ui/convoys/layer.py" line="189" />
        <source>{convoy} · {n} vehicles · {people} people</source>
        <translation>{convoy} · машин: {n} · человек: {people}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="194" />
        <source>from {a} to {b}</source>
        <translation>от {a} до {b}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="200" />
        <source>until {t}</source>
        <translation>до {t}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="209" />
        <source>{n} on the road</source>
        <translation>в пути: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="210" />
        <source>{n} boarding</source>
        <translation>посадка: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="211" />
        <source>{n} at checkpoints</source>
        <translation>на блокпостах: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="212" />
        <source>{n} done</source>
        <translation>завершено: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="215" />
        <source>{n} halted</source>
        <translation>на стоянке: {n}</translation>
    </message>
</context>
<context>
    <name>ConvoyState</name>
    <message>
        <location filename="../../ui/convoys/common.py" line="66" />
        <source>forming up, not yet departed</source>
        <translation>формируется, ещё не выехала</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="67" />
        <source>on the road</source>
        <translation>в пути</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="68" />
        <source>boarding at an assembly point</source>
        <translation>посадка в пункте сбора</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="69" />
        <source>queued at a checkpoint</source>
        <translation>в очереди на блокпосту</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="70" />
        <source>being checked at a checkpoint</source>
        <translation>проверка на блокпосту</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="71" />
        <source>halted</source>
        <translation>стоянка</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="72" />
        <source>unloading at the reception point</source>
        <translation>высадка в пункте приёма</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="73" />
        <source>round finished</source>
        <translation>рейс завершён</translation>
    </message>
</context>
<context>
    <name>Direction</name>
    <message>
        <location filename="../../ui/convoys/common.py" line="94" />
        <location filename="../../ui/panels/gantt.py" line="123" />
        <source>in (empty)</source>
        <translation>туда (пустая)</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="95" />
        <location filename="../../ui/panels/gantt.py" line="125" />
        <source>out (loaded)</source>
        <translation>обратно (с людьми)</translation>
    </message>
</context>
<context>
    <name>ElementsTree</name>
    <message>
        <location filename="../../ui/panels/elements.py" line="14" />
        <source>Pickups</source>
        <translation>Пункты сбора</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="15" />
        <source>Destinations</source>
        <translation>Пункты приёма</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="16" />
        <source>Depots</source>
        <translation>Базы транспорта</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="17" />
        <source>Corridors</source>
        <translation>Коридоры</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="18" />
        <source>Checkpoints</source>
        <translation>Блокпосты</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="19" />
        <source>Hazard zones</source>
        <translation>Опасные зоны</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="20" />
        <source>Road closures</source>
        <translation>Перекрытые дороги</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="24" />
        <source>Assembly points where people wait for the buses</source>
        <translation>Пункты сбора, где люди ждут автобусы</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="25" />
        <source>Reception points where the convoys unload</source>
        <translation>Пункты приёма, где колонны высаживают людей</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="26" />
        <source>Staging areas the vehicles start from</source>
        <translation>Места сосредоточения, откуда выезжает транспорт</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="27" />
        <source>Agreed safe routes the convoys must keep to</source>
        <translation>Согласованные безопасные маршруты, которых должны держаться колонны</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="28" />
        <source>Inspection points every vehicle passes, one at a time per lane</source>
        <translation>Пункты проверки, через которые проходит каждая машина, по одной на полосу</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="29" />
        <source>Areas the routes avoid or cross slowly</source>
        <translation>Районы, которые маршруты обходят или проходят медленно</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="30" />
        <source>Roads that are closed</source>
        <translation>Дороги, которые перекрыты</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="86" />
        <source>Element</source>
        <translation>Элемент</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="86" />
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="102" />
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="207" />
        <source>Show on map</source>
        <translation>Показать на карте</translation>
    </message>
</context>
<context>
    <name>Gantt</name>
    <message>
        <location filename="../../ui/panels/gantt.py" line="96" />
        <source>{convoy} · escort {escort}, round {round} · {n} vehicles · {people} people</source>
        <translation>{convoy} · сопровождение {escort}, рейс {round} · машин: {n} · человек: {people}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/gantt.py" line="118" />
        <source>{checkpoint}: convoy {convoy}, {direction}, {n} vehicles, {people} people
waited {wait}</source>
        <translation>{checkpoint}: колонна {convoy}, {direction}, машин: {n}, человек: {people}
ожидание {wait}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/gantt.py" line="180" />
        <source>{checkpoint} queue</source>
        <translation>очередь {checkpoint}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/gantt.py" line="253" />
        <source>max queue {n}</source>
        <translation>макс. очередь {n}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/gantt.py" line="255" />
        <source>no queue</source>
        <translation>без очереди</translation>
    </message>
    <message>
        <location filename="../../ui/panels/gantt.py" line="280" />
        <source>window end</source>
        <translation>конец окна</translation>
    </message>
</context>
<context>
    <name>GanttPanel</name>
    <message>
        <location filename="../../ui/panels/gantt.py" line="328" />
        <source>The schedule has no convoys.</source>
        <translation>В расписании нет колонн.</translation>
    </message>
</context>
<context>
    <name>KpiPanel</name>
    <message>
        <location filename="../../ui/panels/results.py" line="332" />
        <source>People out</source>
        <translation>Вывезено людей</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="333" />
        <source>Demand</source>
        <translation>Потребность</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="334" />
        <source>Upper bound</source>
        <translation>Верхняя граница</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="335" />
        <source>Gap to bound</source>
        <translation>Отрыв от границы</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="336" />
        <source>Finish</source>
        <translation>Завершение</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="337" />
        <source>Convoys</source>
        <translation>Колонны</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="338" />
        <source>Vehicles per convoy</source>
        <translation>Машин на колонну</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="339" />
        <source>Vehicle-km</source>
        <translation>Машино-км</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="340" />
        <source>Seat use</source>
        <translation>Заполнение мест</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="397" />
        <source>Assembly point</source>
        <translation>Пункт сбора</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="397" />
        <source>People</source>
        <translation>Человек</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="397" />
        <source>Why</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="426" />
        <source>&lt;b&gt;Not served:&lt;/b&gt; nobody — every person in the plan gets out.</source>
        <translation>&lt;b&gt;Не вывезено:&lt;/b&gt; никого — все люди по плану вывезены.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="429" />
        <source>&lt;b&gt;Not served&lt;/b&gt; ({n} people)</source>
        <translation>&lt;b&gt;Не вывезено&lt;/b&gt; (человек: {n})</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/window/actions.py" line="15" />
        <source>Select / move</source>
        <translation>Выбрать / переместить</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="16" />
        <source>Place pickup</source>
        <translation>Поставить пункт сбора</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="17" />
        <source>Place destination</source>
        <translation>Поставить пункт приёма</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="18" />
        <source>Place depot</source>
        <translation>Поставить базу транспорта</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="19" />
        <source>Place checkpoint</source>
        <translation>Поставить блокпост</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="20" />
        <source>Draw corridor</source>
        <translation>Начертить коридор</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="21" />
        <source>Draw hazard zone</source>
        <translation>Начертить опасную зону</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="22" />
        <source>Close road</source>
        <translation>Перекрыть дорогу</translation>
    </message>
    <message>
        <location filename="../../ui/window/files.py" line="25" />
        <source>PDF (convoy sheets and driver cards)…</source>
        <translation>PDF (листы колонн и карточки водителей)…</translation>
    </message>
    <message>
        <location filename="../../ui/window/files.py" line="30" />
        <source>CSV (trips and manifests)…</source>
        <translation>CSV (рейсы и списки пассажиров)…</translation>
    </message>
    <message>
        <location filename="../../ui/window/files.py" line="33" />
        <source>GeoJSON (layers and routes)…</source>
        <translation>GeoJSON (слои и маршруты)…</translation>
    </message>
    <message>
        <location filename="../../ui/window/files.py" line="38" />
        <source>GPX (one route per convoy)…</source>
        <translation>GPX (один маршрут на колонну)…</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="158" />
        <source>What-if: New variant duplicates the plan (Plan ▸ Duplicate plan as variant); Record edits turns map edits into its changes; Open… reads a variants file. Run all compares them with the base.</source>
        <translation>«Что, если»: новый вариант — копия плана (План ▸ Копия плана как вариант); «Записать изменения» превращает правки на карте в его изменения; «Открыть…» читает файл вариантов. «Запустить все» сравнивает их с базовым планом.</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="163" />
        <source>Plan as opened (your edits follow; click one to go back to it)</source>
        <translation>План в открытом виде (далее ваши изменения; щёлкните изменение, чтобы вернуться к нему)</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="165" />
        <source>Palette</source>
        <translation>Палитра</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="166" />
        <source>Elements</source>
        <translation>Элементы</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="167" />
        <source>Summary</source>
        <translation>Сводка</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="168" />
        <source>Properties</source>
        <translation>Свойства</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="170" />
        <source>Convoys</source>
        <translation>Колонны</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="172" />
        <source>Gantt</source>
        <translation>Диаграмма Ганта</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="173" />
        <source>Routes</source>
        <translation>Маршруты</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="174" />
        <location filename="../../ui/window/main.py" line="253" />
        <source>Problems</source>
        <translation>Проблемы</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="180" />
        <source>Variants</source>
        <translation>Варианты</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="181" />
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="242" />
        <source>Tool: {name}</source>
        <translation>Инструмент: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="251" />
        <source>Problems ({e} errors, {w} warnings)</source>
        <translation>Проблемы (ошибок: {e}, предупреждений: {w})</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="348" />
        <source>About evacplan</source>
        <translation>О программе evacplan</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="350" />
        <source>&lt;b&gt;evacplan&lt;/b&gt; — offline planner for humanitarian evacuations by bus convoy.&lt;br&gt;Road data © OpenStreetMap contributors (ODbL 1.0).</source>
        <translation>&lt;b&gt;evacplan&lt;/b&gt; — офлайн-планировщик гуманитарных эвакуаций автобусными колоннами.&lt;br&gt;Данные дорог © участники OpenStreetMap (ODbL 1.0).</translation>
    </message>
</context>
<context>
    <name>MapResults</name>
    <message>
        <location filename="../../ui/map/results.py" line="193" />
        <source>{n} passages · queue {q} · wait {w}</source>
        <translation>прохождений: {n} · очередь {q} · ожидание {w}</translation>
    </message>
    <message>
        <location filename="../../ui/map/results.py" line="196" />
        <source>{n} passages · no queue</source>
        <translation>прохождений: {n} · без очереди</translation>
    </message>
</context>
<context>
    <name>Palette</name>
    <message>
        <location filename="../../ui/icons.py" line="20" />
        <source>Pickup (assembly point)</source>
        <translation>Пункт сбора</translation>
    </message>
    <message>
        <location filename="../../ui/icons.py" line="21" />
        <source>Destination (reception)</source>
        <translation>Пункт приёма</translation>
    </message>
    <message>
        <location filename="../../ui/icons.py" line="22" />
        <source>Depot (vehicles)</source>
        <translation>База транспорта</translation>
    </message>
    <message>
        <location filename="../../ui/icons.py" line="23" />
        <source>Checkpoint</source>
        <translation>Блокпост</translation>
    </message>
    <message>
        <location filename="../../ui/icons.py" line="24" />
        <source>Corridor</source>
        <translation>Коридор</translation>
    </message>
    <message>
        <location filename="../../ui/icons.py" line="25" />
        <source>Hazard zone</source>
        <translation>Опасная зона</translation>
    </message>
    <message>
        <location filename="../../ui/icons.py" line="26" />
        <source>Road closure</source>
        <translation>Перекрытие дороги</translation>
    </message>
    <message>
        <location filename="../../ui/palette.py" line="22" />
        <source>Assembly point with a head-count. Drag onto the map, or click and then click the map.</source>
        <translation>Пункт сбора с числом людей. Перетащите на карту или щёлкните здесь, а затем на карте.</translation>
    </message>
    <message>
        <location filename="../../ui/palette.py" line="25" />
        <source>Reception point where people are taken.</source>
        <translation>Пункт приёма, куда вывозят людей.</translation>
    </message>
    <message>
        <location filename="../../ui/palette.py" line="26" />
        <source>Where vehicles start.</source>
        <translation>Откуда выезжает транспорт.</translation>
    </message>
    <message>
        <location filename="../../ui/palette.py" line="27" />
        <source>Checkpoint on the road: minutes per vehicle, lanes, opening hours.</source>
        <translation>Блокпост на дороге: минуты на машину, полосы, часы работы.</translation>
    </message>
    <message>
        <location filename="../../ui/palette.py" line="28" />
        <source>The agreed road: click vertices on the map, double-click to end.</source>
        <translation>Согласованная дорога: щёлкайте вершины на карте, двойной щелчок — конец.</translation>
    </message>
    <message>
        <location filename="../../ui/palette.py" line="29" />
        <source>Dangerous area (blocked or slow): click its corners, double-click to end.</source>
        <translation>Опасный район (закрытый или медленный): щёлкайте по его углам, двойной щелчок — конец.</translation>
    </message>
    <message>
        <location filename="../../ui/palette.py" line="30" />
        <source>A destroyed bridge or blocked road: click the road.</source>
        <translation>Разрушенный мост или перекрытая дорога: щёлкните по дороге.</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../ui/settings.py" line="100" />
        <source>Preferences</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="104" />
        <source>min</source>
        <translation>мин</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="106" />
        <source>Autosave unsaved changes for recovery every</source>
        <translation>Автосохранение несохранённых изменений для восстановления каждые</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="108" />
        <source>System language ({name})</source>
        <translation>Язык системы ({name})</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="112" />
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="113" />
        <source>A new language applies when evacplan next starts.</source>
        <translation>Новый язык применяется после перезапуска evacplan.</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <location filename="../../ui/panels/problems.py" line="32" />
        <source>Element</source>
        <translation>Элемент</translation>
    </message>
    <message>
        <location filename="../../ui/panels/problems.py" line="32" />
        <source>Problem</source>
        <translation>Проблема</translation>
    </message>
    <message>
        <location filename="../../ui/panels/problems.py" line="122" />
        <source>No problems found: the plan can be computed.</source>
        <translation>Проблем не найдено: план можно рассчитать.</translation>
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <location filename="../../ui/convoys/common.py" line="102" />
        <source>unreachable</source>
        <translation>недостижимо</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="103" />
        <source>destination capacity</source>
        <translation>вместимость пункта приёма</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="104" />
        <source>window</source>
        <translation>окно</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="105" />
        <source>checkpoint throughput</source>
        <translation>пропускная способность блокпостов</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="106" />
        <source>escorts</source>
        <translation>сопровождение</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="107" />
        <source>fleet</source>
        <translation>транспорт</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="108" />
        <source>priority rule</source>
        <translation>правило приоритета</translation>
    </message>
</context>
<context>
    <name>Results</name>
    <message>
        <location filename="../../ui/panels/results.py" line="52" />
        <source>No results yet: press Compute (F5) to route and schedule the plan.</source>
        <translation>Результатов пока нет: нажмите «Рассчитать» (F5), чтобы проложить маршруты и составить расписание.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="56" />
        <source>The plan was not scheduled: see the Problems list.</source>
        <translation>Расписание для плана не составлено: см. список «Проблемы».</translation>
    </message>
</context>
<context>
    <name>RoutesPanel</name>
    <message>
        <location filename="../../ui/panels/results.py" line="109" />
        <source>From</source>
        <translation>Откуда</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="110" />
        <source>To</source>
        <translation>Куда</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="111" />
        <source>Route</source>
        <translation>Маршрут</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="112" />
        <source>Length</source>
        <translation>Длина</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="113" />
        <source>Drive time</source>
        <translation>Время в пути</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="114" />
        <source>Checkpoints</source>
        <translation>Блокпосты</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="135" />
        <source>No pickup can reach a destination: see the Problems list.</source>
        <translation>Ни один пункт сбора не имеет пути до пункта приёма: см. список «Проблемы».</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="139" />
        <source>none</source>
        <translation>нет</translation>
    </message>
</context>
<context>
    <name>SchedulePanel</name>
    <message>
        <location filename="../../ui/panels/results.py" line="162" />
        <source>Convoy</source>
        <translation>Колонна</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="163" />
        <source>Escort</source>
        <translation>Сопровождение</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="164" />
        <source>Round</source>
        <translation>Рейс</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="165" />
        <location filename="../../ui/panels/results.py" line="183" />
        <source>Vehicles</source>
        <translation>Машин</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="166" />
        <source>Forms at</source>
        <translation>Формируется в</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="167" />
        <source>Departs</source>
        <translation>Выезд</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="168" />
        <source>Latest safe departure</source>
        <translation>Последний безопасный выезд</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="169" />
        <source>Stops (boarded)</source>
        <translation>Остановки (посажено)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="170" />
        <source>Reception point</source>
        <translation>Пункт приёма</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="171" />
        <location filename="../../ui/panels/results.py" line="179" />
        <source>Arrives</source>
        <translation>Прибытие</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="172" />
        <location filename="../../ui/panels/results.py" line="184" />
        <source>People</source>
        <translation>Человек</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="177" />
        <source>Direction</source>
        <translation>Направление</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="178" />
        <source>Checkpoint</source>
        <translation>Блокпост</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="180" />
        <source>Check starts</source>
        <translation>Начало проверки</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="181" />
        <source>Wait</source>
        <translation>Ожидание</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="182" />
        <source>Clear</source>
        <translation>Пропущена</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="188" />
        <source>Vehicle</source>
        <translation>Машина</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="188" />
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="188" />
        <source>Seats</source>
        <translation>Мест</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="188" />
        <source>Passengers</source>
        <translation>Пассажиров</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="188" />
        <source>Boarded at</source>
        <translation>Посадка в</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="229" />
        <source>The schedule has no convoys: nobody can leave in this window (see the Summary).</source>
        <translation>В расписании нет колонн: в этом окне никто не может выехать (см. «Сводка»).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="282" />
        <source>Select a convoy to see its checkpoint passages and vehicles.</source>
        <translation>Выберите колонну, чтобы увидеть её прохождение блокпостов и машины.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="287" />
        <source>&lt;b&gt;{convoy}&lt;/b&gt;: {n} checkpoint passages in, {m} out; {people} people on {vehicles} vehicles</source>
        <translation>&lt;b&gt;{convoy}&lt;/b&gt;: прохождений блокпостов туда: {n}, обратно: {m}; человек: {people}, машин: {vehicles}</translation>
    </message>
</context>
<context>
    <name>Segment</name>
    <message>
        <location filename="../../ui/convoys/common.py" line="81" />
        <source>driving in (empty)</source>
        <translation>движение туда (пустая)</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="82" />
        <source>boarding</source>
        <translation>посадка</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="83" />
        <source>queued at a checkpoint</source>
        <translation>в очереди на блокпосту</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="84" />
        <source>checkpoint passage</source>
        <translation>прохождение блокпоста</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="85" />
        <source>halt</source>
        <translation>стоянка</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="86" />
        <source>driving out (loaded)</source>
        <translation>движение обратно (с людьми)</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="87" />
        <source>unloading</source>
        <translation>высадка</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../ui/panels/start.py" line="36" />
        <source>No connection to OpenStreetMap from this machine. Import an OpenStreetMap extract of Ukraine (for example &lt;b&gt;ukraine-latest.osm.pbf&lt;/b&gt; from download.geofabrik.de) as network &lt;b&gt;{network}&lt;/b&gt; clipped to {bbox}: &lt;i&gt;Networks → Import OSM file…&lt;/i&gt;, or&lt;br&gt;&lt;code&gt;evacplan data import ukraine-latest.osm.pbf --name {network} --bbox {bbox}&lt;/code&gt;</source>
        <translation>С этого компьютера нет соединения с OpenStreetMap. Импортируйте выгрузку OpenStreetMap для Украины (например, &lt;b&gt;ukraine-latest.osm.pbf&lt;/b&gt; с download.geofabrik.de) как сеть &lt;b&gt;{network}&lt;/b&gt;, обрезанную до {bbox}: &lt;i&gt;Сети → Импортировать файл OSM…&lt;/i&gt;, или&lt;br&gt;&lt;code&gt;evacplan data import ukraine-latest.osm.pbf --name {network} --bbox {bbox}&lt;/code&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="86" />
        <source>Evacuation convoys through negotiated corridors: routes, convoy schedules and how many people can leave in a window.</source>
        <translation>Эвакуационные колонны через согласованные коридоры: маршруты, расписания колонн и сколько людей может выехать за окно.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="100" />
        <source>Mariupol 2022: Azovstal to Zaporizhzhia</source>
        <translation>Мариуполь 2022: с «Азовстали» в Запорожье</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="101" />
        <source>The UN/ICRC operation of 30 April 2022: Azovstal bunkers and city assembly points, the corridor west through Manhush, Berdiansk, Tokmak and Vasylivka, about 20 checkpoints.</source>
        <translation>Операция ООН/МККК 30 апреля 2022 года: убежища «Азовстали» и городские пункты сбора, коридор на запад через Мангуш, Бердянск, Токмак и Васильевку, около 20 блокпостов.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="109" />
        <source>Open plan</source>
        <translation>Открыть план</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="111" />
        <source>Fetch network from OpenStreetMap</source>
        <translation>Загрузить сеть из OpenStreetMap</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="113" />
        <source>Import OSM file…</source>
        <translation>Импортировать файл OSM…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="124" />
        <source>Offline demo: Neubrandenburg drill</source>
        <translation>Офлайн-демо: учения в Нойбранденбурге</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="125" />
        <source>A drill on the bundled Neubrandenburg road network (OpenStreetMap, ships with evacplan): assembly points, the B 96 south corridor, checkpoints and a bus depot. Works without internet.</source>
        <translation>Учения на встроенной дорожной сети Нойбранденбурга (OpenStreetMap, поставляется с evacplan): пункты сбора, южный коридор B 96, блокпосты и автобусная база. Работает без интернета.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="127" />
        <source>Open demo plan</source>
        <translation>Открыть демо-план</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="139" />
        <source>Recent plans</source>
        <translation>Недавние планы</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="139" />
        <location filename="../../ui/panels/start.py" line="185" />
        <source>Double-click to open.</source>
        <translation>Дважды щёлкните, чтобы открыть.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="146" />
        <source>Open…</source>
        <translation>Открыть…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="155" />
        <source>New plan</source>
        <translation>Новый план</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="156" />
        <source>Start an empty plan on a road network from the store (the demo network is always there; import more from OpenStreetMap files with Networks → Import OSM file…).</source>
        <translation>Начните пустой план на дорожной сети из хранилища (демо-сеть есть всегда; другие импортируйте из файлов OpenStreetMap через Сети → Импортировать файл OSM…).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="164" />
        <source>New plan…</source>
        <translation>Новый план…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="183" />
        <source>{path} (missing)</source>
        <translation>{path} (отсутствует)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="186" />
        <source>No recent plans yet: plans you open or save appear here.</source>
        <translation>Недавних планов пока нет: здесь появятся планы, которые вы откроете или сохраните.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="190" />
        <source>Networks in the store: {names}</source>
        <translation>Сети в хранилище: {names}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="191" />
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="197" />
        <source>The plan file {path} is missing from this installation.</source>
        <translation>Файла плана {path} нет в этой установке.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="202" />
        <source>Network &lt;b&gt;{network}&lt;/b&gt; is in the store.</source>
        <translation>Сеть &lt;b&gt;{network}&lt;/b&gt; есть в хранилище.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="207" />
        <source>Its road network &lt;b&gt;{network}&lt;/b&gt; is not in the store yet.</source>
        <translation>Его дорожной сети &lt;b&gt;{network}&lt;/b&gt; ещё нет в хранилище.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="208" />
        <source>Checking for a connection to OpenStreetMap…</source>
        <translation>Проверка соединения с OpenStreetMap…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="218" />
        <source>Its road network &lt;b&gt;{network}&lt;/b&gt; is not in the store yet: fetch it from OpenStreetMap (a few minutes), or import a file you have.</source>
        <translation>Его дорожной сети &lt;b&gt;{network}&lt;/b&gt; ещё нет в хранилище: загрузите её из OpenStreetMap (несколько минут) или импортируйте имеющийся файл.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="223" />
        <source>Its road network &lt;b&gt;{network}&lt;/b&gt; is not in the store.</source>
        <translation>Его дорожной сети &lt;b&gt;{network}&lt;/b&gt; нет в хранилище.</translation>
    </message>
</context>
<context>
    <name>TimeSlider</name>
    <message>
        <location filename="../../ui/convoys/slider.py" line="37" />
        <source>Play the schedule</source>
        <translation>Воспроизвести расписание</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/slider.py" line="39" />
        <source>Time:</source>
        <translation>Время:</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/slider.py" line="41" />
        <source>Where every convoy is at this time</source>
        <translation>Где находится каждая колонна в это время</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/slider.py" line="71" />
        <source>no schedule</source>
        <translation>расписания нет</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <location filename="../../ui/convoys/common.py" line="58" />
        <source>h</source>
        <translation>ч</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="59" />
        <source>min</source>
        <translation>мин</translation>
    </message>
</context>
</TS>
